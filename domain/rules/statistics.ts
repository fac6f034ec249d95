// The dashboard's and work list's figures, one import for their screens and for the tests that
// check them against counts made in the database. Each part lives in its own module.
export {
  hazardCountsByMonth,
  recordedFindings,
  rectificationByAgency,
  rectificationByTown,
  rectificationTotal,
} from './statistics-findings';
export type {
  EnterpriseForStats,
  FindingForStats,
  GradeCounts,
  FindingMonth,
  InspectionForStats,
  RecordedFinding,
  RectificationRow,
} from './statistics-findings';
export { BURDEN_THRESHOLDS, inspectionBurden, inspectionsByMonth } from './statistics-inspections';
export type {
  BurdenReason,
  BurdenReport,
  BurdenSuggestion,
  BurdenThresholds,
  EnterpriseBurden,
  InspectionMonth,
} from './statistics-inspections';
export { enterpriseTrackProgress, milestoneState, trackWorkList } from './statistics-tracks';
export type {
  EnterpriseForTracks,
  MilestoneState,
  MilestoneTotals,
  TrackBreakdown,
  TrackWorkList,
} from './statistics-tracks';
export { DASHBOARD_MONTHS, dashboardFigures } from './statistics-dashboard';
export type { DashboardFigures, DashboardRecords } from './statistics-dashboard';
export { workListFigures } from './statistics-worklist';
export type { WorkListFigures, WorkListMilestone, WorkListRow } from './statistics-worklist';
