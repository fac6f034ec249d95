// A penalty case as the server sends it to the case screens: opened on an overdue major hazard,
// pending and unnumbered unless a test says otherwise.
import type { PenaltyCase } from '../../../../domain/schemas/penalty-case';

/** Who opened the case, unless a test names another. */
export const CASE_OPENER = '0197a000-0000-7000-8000-0000000000e1';

export function makePenaltyCase(overrides: Partial<PenaltyCase> = {}): PenaltyCase {
  return {
    id: '0197a000-0000-7000-8000-0000000000f1',
    version: 1,
    agencyId: '0197a000-0000-7000-8000-0000000000a1',
    enterpriseId: '0197a000-0000-7000-8000-0000000000c1',
    town: '330604400',
    origin: {
      kind: 'overdueMajorHazard',
      recordId: '0197a000-0000-7000-8000-0000000000d1',
      inspectionId: '0197a000-0000-7000-8000-0000000000b1',
    },
    summary: '重大事故隐患逾期未整改',
    status: 'pending',
    number: null,
    openedBy: CASE_OPENER,
    openedAt: '2026-12-10T01:00:00.000Z',
    approval: null,
    steps: [
      {
        stage: 'filing',
        startedAt: '2026-12-10T01:00:00.000Z',
        startedBy: CASE_OPENER,
        dueOn: '2025-12-17',
        completedAt: null,
        completedBy: null,
        note: '',
      },
    ],
    evidence: [],
    documents: [],
    amendments: [],
    ...overrides,
  };
}
