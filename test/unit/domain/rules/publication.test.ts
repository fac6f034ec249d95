// The published results of a draw: which inspection a visit's outcome comes from and how its
// hazards are counted.
import { describe, expect, it } from 'vitest';
import type { PublicationSources } from '../../../../domain/rules/publication';
import { publicationRows } from '../../../../domain/rules/publication';
import type { DrawnVisit } from '../../../../domain/schemas/draw';
import type { Task } from '../../../../domain/schemas/task';
import { taskSchema } from '../../../../domain/schemas/task';
import { makeFinding, makeInspection, newId } from '../../../support/record-fixtures';

const AGENCY = '0197a000-0000-7000-8000-0000000000a1';
const OTHER_AGENCY = '0197a000-0000-7000-8000-0000000000a2';
const DRAW = newId();
const ENTERPRISE = newId();

const visit = (overrides: Partial<DrawnVisit> = {}): DrawnVisit => ({
  enterpriseId: ENTERPRISE,
  riskClass: 'major',
  agencyIds: [AGENCY],
  joint: false,
  officerIds: [newId(), newId()],
  unstaffed: null,
  ...overrides,
});

const task = (overrides: Partial<Task> = {}): Task =>
  taskSchema.parse({
    id: newId(),
    version: 1,
    updatedAt: '2027-01-01T08:00:00.000+08:00',
    deletedAt: null,
    createdBy: newId(),
    kind: 'drawn',
    enterpriseId: ENTERPRISE,
    agencyIds: [AGENCY],
    joint: false,
    officerIds: [newId(), newId()],
    planId: newId(),
    drawId: DRAW,
    year: 2027,
    periodKey: 'Q1',
    dueFrom: '2027-01-01',
    dueBy: '2027-03-31',
    ...overrides,
  });

const names = {
  enterprise: (id: string) => `E-${id.slice(-4)}`,
  agency: (id: string) => `A-${id.slice(-2)}`,
  template: () => '危化品检查表',
};

const rowOf = (sources: Partial<PublicationSources>) => {
  const [row] = publicationRows(
    { drawId: DRAW, visits: [visit()], tasks: [], inspections: [], findings: [], ...sources },
    names,
  );
  if (!row) throw new Error('no row');
  return row;
};

describe('publicationRows', () => {
  const theTask = task();
  const submitted = (overrides = {}) =>
    makeInspection({
      enterpriseId: ENTERPRISE,
      taskId: theTask.id,
      agencyIds: [AGENCY],
      status: 'submitted',
      finishedAt: '2027-02-10T23:30:00.000+08:00',
      itemResults: [
        { itemId: 'a', result: 'pass', note: '' },
        { itemId: 'b', result: 'fail', note: '' },
        { itemId: 'c', result: 'na', note: '' },
      ],
      ...overrides,
    });

  it('takes the submitted inspection naming the visit’s task, its day in China, items and hazards', () => {
    const inspection = submitted();
    const row = rowOf({
      tasks: [theTask],
      inspections: [inspection],
      findings: [
        makeFinding({ inspectionId: inspection.id, enterpriseId: ENTERPRISE, grade: 'major' }),
        makeFinding({ inspectionId: inspection.id, enterpriseId: ENTERPRISE, status: 'closed' }),
        makeFinding({
          inspectionId: inspection.id,
          enterpriseId: ENTERPRISE,
          deletedAt: '2027-02-11T08:00:00.000+08:00',
        }),
      ],
    });
    expect(row).toMatchObject({
      inspectionId: inspection.id,
      inspectedOn: '2027-02-10',
      outcome: 'hazardsFound',
      itemsChecked: 2,
      itemsFailed: 1,
      checklists: ['危化品检查表'],
      hazards: { total: 2, major: 1, closed: 1 },
      enterpriseName: names.enterprise(ENTERPRISE),
      agencyNames: [names.agency(AGENCY)],
    });
  });

  it('says no hazards when the inspection recorded none', () => {
    expect(rowOf({ tasks: [theTask], inspections: [submitted()] }).outcome).toBe('noHazards');
  });

  it('counts nothing a draft, a deleted inspection, another agency, another enterprise or another draw’s task says', () => {
    const otherDrawTask = task({ drawId: newId() });
    const ignored = [
      submitted({ status: 'draft', finishedAt: null }),
      submitted({ deletedAt: '2027-02-11T08:00:00.000+08:00' }),
      submitted({ agencyIds: [OTHER_AGENCY] }),
      submitted({ enterpriseId: newId() }),
      submitted({ taskId: otherDrawTask.id }),
      submitted({ taskId: null }),
    ];
    const row = rowOf({ tasks: [theTask, otherDrawTask], inspections: ignored });
    expect(row).toMatchObject({ outcome: 'pending', inspectionId: null, itemsChecked: 0 });
  });

  it('counts a hazard only when it is recorded on the inspection at its enterprise', () => {
    const inspection = submitted();
    const row = rowOf({
      tasks: [theTask],
      inspections: [inspection],
      findings: [makeFinding({ inspectionId: inspection.id, enterpriseId: newId() })],
    });
    expect(row.outcome).toBe('noHazards');
  });

  it('takes the first finished when several inspections name the task', () => {
    const later = submitted({ finishedAt: '2027-03-01T10:00:00.000+08:00' });
    const first = submitted({ finishedAt: '2027-01-20T10:00:00.000+08:00' });
    expect(rowOf({ tasks: [theTask], inspections: [later, first] }).inspectionId).toBe(first.id);
  });

  it('marks an unstaffed visit as such whatever names its enterprise', () => {
    const unstaffed = visit({
      officerIds: [],
      unstaffed: { needed: 2, byAgency: [{ agencyId: AGENCY, eligible: 1, excluded: [] }] },
    });
    const [row] = publicationRows(
      {
        drawId: DRAW,
        visits: [unstaffed],
        tasks: [theTask],
        inspections: [submitted()],
        findings: [],
      },
      names,
    );
    expect(row?.outcome).toBe('unstaffed');
    expect(row?.inspectionId).toBeNull();
  });
});
