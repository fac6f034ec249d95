import { describe, expect, it } from 'vitest';
import {
  applyDraftSetup,
  draftSetupProblems,
  droppedAnswers,
  setupChanges,
} from '../../../../domain/rules/draft-setup';
import type { DraftSetup } from '../../../../domain/rules/draft-setup';
import { inspectionSchema } from '../../../../domain/schemas/inspection';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import { makeInspection, makeUser, newId } from '../../../support/record-fixtures';

const safety = newId();
const environment = newId();
const lead = makeUser({ agencyId: safety });
const wang = makeUser({ username: 'inspector.wang', displayName: 'Wang', agencyId: safety });
const chen = makeUser({ username: 'inspector.chen', displayName: 'Chen', agencyId: environment });
const supervisor = makeUser({ username: 'supervisor', role: 'supervisor', agencyId: safety });
// The schema refuses an inspector without a certificate; a directory from before it may hold one.
const uncertified = { ...makeUser({ username: 'inspector.new' }), certificateNo: null };
const users = [lead, wang, chen, supervisor, uncertified];

const template = (
  id: string,
  itemIds: string[],
): Pick<ChecklistTemplate, 'id' | 'version' | 'sections'> => ({
  id,
  version: 2,
  sections: [{ title: 'S', items: itemIds.map((i) => ({ id: i, text: i, legalBasis: 'B' })) }],
});
const safetyList = template(newId(), ['a-1', 'shared']);
const envList = template(newId(), ['e-1', 'shared']);

const signature = (userId: string) => ({
  role: 'lead' as const,
  userId,
  name: 'Li Ming',
  image: { sha256: 'a'.repeat(64), mime: 'image/png' as const, size: 100 },
  signedAt: '2026-11-01T10:00:00.000+08:00',
});

const draft = () =>
  makeInspection({
    status: 'draft',
    leadInspectorId: lead.id,
    agencyIds: [safety, environment],
    templateId: safetyList.id,
    templateVersion: 2,
    templateRefs: [
      { id: safetyList.id, version: 2 },
      { id: envList.id, version: 2 },
    ],
    location: { lat: 30, lon: 120, accuracyM: 10 },
    itemResults: [
      { itemId: 'a-1', result: 'pass', note: '' },
      { itemId: 'shared', result: 'fail', note: '' },
      { itemId: 'e-1', result: 'na', note: '' },
    ],
  });

const setupOf = (
  inspection: ReturnType<typeof draft>,
  change: Partial<DraftSetup> = {},
): DraftSetup => ({
  coInspectorIds: inspection.coInspectorIds,
  templates: inspection.templateRefs ?? [],
  location: inspection.location,
  ...change,
});

describe('draftSetupProblems', () => {
  it('takes a certified, active inspector as a new co-inspector', () => {
    const d = draft();
    expect(
      draftSetupProblems(d, setupOf(d, { coInspectorIds: [wang.id] }), lead.id, users),
    ).toEqual([]);
  });

  it('refuses anyone but the lead, and any change of a submitted or deleted inspection', () => {
    const d = draft();
    expect(draftSetupProblems(d, setupOf(d), wang.id, users)).toEqual([{ code: 'notLead' }]);
    const submitted = { ...d, status: 'submitted' as const };
    expect(draftSetupProblems(submitted, setupOf(d), lead.id, users)).toEqual([
      { code: 'notDraft' },
    ]);
    const deleted = { ...d, deletedAt: '2026-11-02T08:00:00.000+08:00' };
    expect(draftSetupProblems(deleted, setupOf(d), lead.id, users)).toEqual([{ code: 'notDraft' }]);
  });

  it('names each co-inspector who may not inspect, and a setup without templates or place', () => {
    const d = draft();
    const stranger = newId();
    const gone = makeUser({
      username: 'inspector.gone',
      deletedAt: '2026-10-01T08:00:00.000+08:00',
    });
    const problems = draftSetupProblems(
      d,
      setupOf(d, {
        coInspectorIds: [supervisor.id, uncertified.id, stranger, gone.id],
        templates: [],
        location: null,
      }),
      lead.id,
      [...users, gone],
    );
    expect(problems).toEqual([
      { code: 'templates.required' },
      { code: 'location.required' },
      { code: 'coInspector', userId: supervisor.id, problem: 'notInspector' },
      { code: 'coInspector', userId: uncertified.id, problem: 'noCertificate' },
      { code: 'coInspector', userId: stranger, problem: 'unknown' },
      { code: 'coInspector', userId: gone.id, problem: 'unknown' },
    ]);
  });

  it('keeps a co-inspector already named, as the server does', () => {
    const d = { ...draft(), coInspectorIds: [uncertified.id] };
    expect(draftSetupProblems(d, setupOf(d), lead.id, users)).toEqual([]);
  });
});

describe('applyDraftSetup', () => {
  it('adds a co-inspector, naming the agencies of the officers', () => {
    const d = { ...draft(), agencyIds: [safety] };
    const next = applyDraftSetup(
      d,
      setupOf(d, { coInspectorIds: [chen.id, lead.id] }),
      [safetyList, envList],
      users,
    );
    expect(next.coInspectorIds).toEqual([chen.id]);
    expect(next.agencyIds).toEqual([safety, environment]);
    expect(inspectionSchema.safeParse(next).success).toBe(true);
  });

  it('drops the answers of a template taken away, keeping those of items another template lists', () => {
    const d = draft();
    const setup = setupOf(d, { templates: [{ id: safetyList.id, version: 2 }] });
    expect(droppedAnswers(d, [safetyList])).toEqual([{ itemId: 'e-1', result: 'na', note: '' }]);
    const next = applyDraftSetup(d, setup, [safetyList], users);
    expect(next.itemResults.map((r) => r.itemId)).toEqual(['a-1', 'shared']);
    expect(next.templateRefs).toEqual([{ id: safetyList.id, version: 2 }]);
    expect(next.templateId).toBe(safetyList.id);
  });

  it('clears the signatures when anything changes, and leaves an unchanged draft as it is', () => {
    const d = { ...draft(), signatures: [signature(lead.id)] };
    expect(setupChanges(d, setupOf(d))).toBe(false);
    expect(applyDraftSetup(d, setupOf(d), [safetyList, envList], users)).toBe(d);
    const moved = setupOf(d, { location: { lat: 30.5, lon: 120, accuracyM: null } });
    expect(setupChanges(d, moved)).toBe(true);
    const next = applyDraftSetup(d, moved, [safetyList, envList], users);
    expect(next.signatures).toEqual([]);
    expect(next.location).toEqual({ lat: 30.5, lon: 120, accuracyM: null });
  });
});
