import { describe, expect, it } from 'vitest';
import {
  applyBoardChanges,
  makeBoardIndex,
} from '../../../../../renderer/src/features/deadlines/board-entries';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  newId,
} from '../../../../support/record-fixtures';

const SAFETY = newId();
const ENV = newId();

function district() {
  const plant = makeEnterprise({ name: 'Mingda Dyes', town: '320100001' });
  const other = makeEnterprise({ name: 'Huarui Coatings', town: '320100002' });
  const visit = makeInspection({ enterpriseId: plant.id, agencyIds: [SAFETY] });
  const hazard = (title: string, deadline: string, enterpriseId = plant.id) =>
    makeFinding({ title, deadline, enterpriseId, inspectionId: visit.id });
  const findings = [
    hazard('March', '2026-03-01'),
    hazard('January', '2026-01-01'),
    hazard('February', '2026-02-01', other.id),
  ];
  return {
    plant,
    other,
    visit,
    findings,
    index: makeBoardIndex(findings, [plant, other], [visit]),
  };
}

const order = (entries: readonly { id: string }[], titles: Map<string, string>) =>
  entries.map((e) => titles.get(e.id));

describe('the board entries', () => {
  it('are made earliest deadline first, with their town and agencies, without deleted hazards', () => {
    const { findings, plant, visit } = district();
    const gone = makeFinding({ deadline: '2025-01-01', deletedAt: '2026-01-02T00:00:00.000Z' });
    const index = makeBoardIndex([...findings, gone], [plant], [visit]);
    const titles = new Map(findings.map((f) => [f.id, f.title]));
    expect(order(index.entries, titles)).toEqual(['January', 'February', 'March']);
    expect(index.entries[0]).toMatchObject({ town: plant.town, agencyIds: [SAFETY] });
    // February's enterprise is not on this device: no town.
    expect(index.entries[1]?.town).toBeNull();
  });

  it("move with a changed hazard, its enterprise's town and its inspection's agencies", () => {
    const { findings, index, plant, visit } = district();
    const [march, january] = findings;
    const added = makeFinding({
      title: 'Late February',
      deadline: '2026-02-15',
      enterpriseId: plant.id,
      inspectionId: visit.id,
    });
    const next = applyBoardChanges(index, {
      findings: new Map([
        [march!.id, { ...march!, deadline: '2025-12-01' }],
        [january!.id, undefined],
        [added.id, added],
      ]),
      enterprises: new Map([[plant.id, { ...plant, town: '320100009', name: 'Mingda' }]]),
      inspections: new Map([[visit.id, { ...visit, agencyIds: [SAFETY, ENV] }]]),
    });
    const titles = new Map([...findings, added].map((f) => [f.id, f.title]));
    expect(order(next.entries, titles)).toEqual(['March', 'February', 'Late February']);
    const late = next.entries.find((e) => e.id === added.id);
    expect(late).toMatchObject({ town: '320100009', agencyIds: [SAFETY, ENV] });
    // An entry the write did not name moves with its enterprise and inspection all the same.
    expect(next.entries.find((e) => e.id === march!.id)).toMatchObject({
      town: '320100009',
      agencyIds: [SAFETY, ENV],
    });
    expect(next.enterpriseNames.get(plant.id)).toBe('Mingda');
    // The index the queries may still be reading is left as it was.
    expect(order(index.entries, titles)).toEqual(['January', 'February', 'March']);
    expect(index.entries[0]).toMatchObject({ town: plant.town, agencyIds: [SAFETY] });
  });
});
