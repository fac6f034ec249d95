// The dashboard's figures, composed in one place from the synced records and a day, so that the
// screen and the tests that check it against the database compute exactly the same thing.
import { monthsEndingAt } from './calendar-date';
import type {
  EnterpriseForStats,
  FindingForStats,
  FindingMonth,
  InspectionForStats,
  RectificationRow,
} from './statistics-findings';
import {
  hazardCountsByMonth,
  rectificationByAgency,
  rectificationByTown,
  rectificationTotal,
} from './statistics-findings';
import type { BurdenReport, InspectionMonth } from './statistics-inspections';
import { inspectionBurden, inspectionsByMonth } from './statistics-inspections';

/** How many months the charts over time cover, ending with the current month. */
export const DASHBOARD_MONTHS = 12;

export interface DashboardRecords {
  findings: readonly FindingForStats[];
  inspections: readonly InspectionForStats[];
  enterprises: readonly EnterpriseForStats[];
}

export interface DashboardFigures {
  today: string;
  /** The months of the charts over time (YYYY-MM), oldest first. */
  months: string[];
  hazards: FindingMonth[];
  rectification: {
    byAgency: RectificationRow[];
    byTown: RectificationRow[];
    district: RectificationRow;
  };
  inspections: InspectionMonth[];
  burden: BurdenReport;
}

/** Every figure of the dashboard on `today` (YYYY-MM-DD, China time). */
export function dashboardFigures(records: DashboardRecords, today: string): DashboardFigures {
  const { findings, inspections, enterprises } = records;
  const months = monthsEndingAt(today, DASHBOARD_MONTHS);
  return {
    today,
    months,
    hazards: hazardCountsByMonth(findings, inspections, months),
    rectification: {
      byAgency: rectificationByAgency(findings, inspections, today),
      byTown: rectificationByTown(findings, inspections, enterprises, today),
      district: rectificationTotal(findings, inspections, today),
    },
    inspections: inspectionsByMonth(inspections, months),
    burden: inspectionBurden(inspections, enterprises, today),
  };
}
