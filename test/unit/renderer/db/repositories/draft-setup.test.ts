import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  DraftSetupError,
  changeDraftSetup,
  deleteDraftInspection,
  draftContents,
} from '../../../../../renderer/src/db/repositories/draft-setup';
import type { ChecklistTemplate } from '../../../../../domain/schemas/template';
import { makeFinding, makeInspection, makeUser, newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';
import { makeChecklistTemplate } from '../../support/checklist-template';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const safety = newId();
const environment = newId();
const lead = makeUser({ agencyId: safety });
const chen = makeUser({ username: 'inspector.chen', agencyId: environment });
const supervisor = makeUser({ username: 'supervisor', role: 'supervisor', agencyId: safety });

const template = (itemIds: string[]): ChecklistTemplate =>
  makeChecklistTemplate(
    {
      title: 'List',
      sections: [{ title: 'S', items: itemIds.map((id) => ({ id, text: id, legalBasis: 'B' })) }],
    },
    { createdBy: lead.id },
  );

const photo = { sha256: 'b'.repeat(64), mime: 'image/jpeg' as const, size: 1000 };

async function seed() {
  const first = template(['a-1']);
  const second = template(['b-1']);
  const draft = makeInspection({
    status: 'draft',
    version: 3,
    leadInspectorId: lead.id,
    agencyIds: [safety],
    templateId: first.id,
    templateVersion: 1,
    templateRefs: [
      { id: first.id, version: 1 },
      { id: second.id, version: 1 },
    ],
    location: { lat: 30, lon: 120, accuracyM: 5 },
    itemResults: [
      { itemId: 'a-1', result: 'pass', note: '' },
      { itemId: 'b-1', result: 'fail', note: '' },
    ],
  });
  await db.users.bulkPut([lead, chen, supervisor]);
  await db.templates.bulkPut([first, second]);
  await db.inspections.put(draft);
  return { draft, first, second };
}

const setupOf = (draft: Awaited<ReturnType<typeof seed>>['draft']) => ({
  coInspectorIds: draft.coInspectorIds,
  templates: draft.templateRefs ?? [],
  location: draft.location,
});

describe("a draft's setup, changed by its lead", () => {
  it('adds a co-inspector and stores the draft with its outbox row', async () => {
    const { draft } = await seed();
    const next = await changeDraftSetup(db, draft.id, lead, {
      ...setupOf(draft),
      coInspectorIds: [chen.id],
    });
    expect(next.coInspectorIds).toEqual([chen.id]);
    expect(next.agencyIds).toEqual([safety, environment]);
    expect(await db.inspections.get(draft.id)).toEqual(next);
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: 'inspection',
      id: draft.id,
      op: 'upsert',
      baseVersion: 3,
    });
    expect(rows[0]?.data).toMatchObject({ coInspectorIds: [chen.id] });
  });

  it('takes a template away with the answers to its items', async () => {
    const { draft, first } = await seed();
    const next = await changeDraftSetup(db, draft.id, lead, {
      ...setupOf(draft),
      templates: [{ id: first.id, version: 1 }],
    });
    expect(next.itemResults).toEqual([{ itemId: 'a-1', result: 'pass', note: '' }]);
    expect(next.templateRefs).toEqual([{ id: first.id, version: 1 }]);
  });

  it('refuses another officer, an officer who may not inspect and a template not on the device, writing nothing', async () => {
    const { draft } = await seed();
    const attempts: [string, Parameters<typeof changeDraftSetup>[3], string][] = [
      [chen.id, setupOf(draft), 'notLead'],
      [lead.id, { ...setupOf(draft), coInspectorIds: [supervisor.id] }, 'coInspector'],
      [
        lead.id,
        { ...setupOf(draft), templates: [{ id: newId(), version: 1 }] },
        'templates.required',
      ],
    ];
    for (const [editorId, setup, code] of attempts) {
      const editor = { id: editorId, agencyId: safety };
      const error = await changeDraftSetup(db, draft.id, editor, setup).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DraftSetupError);
      expect((error as DraftSetupError).problems.map((p) => p.code)).toContain(code);
    }
    expect(await db.inspections.get(draft.id)).toEqual(draft);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('deleting a draft', () => {
  it('says what goes, then deletes the draft, its hazards and its unfinished hazard forms', async () => {
    const { draft } = await seed();
    const hazard = makeFinding({
      inspectionId: draft.id,
      enterpriseId: draft.enterpriseId,
      photos: [photo],
    });
    const gone = makeFinding({
      inspectionId: draft.id,
      deletedAt: '2026-11-01T09:00:00.000+08:00',
    });
    await db.findings.bulkPut([hazard, gone]);
    await db.findingDrafts.put({
      id: newId(),
      inspectionId: draft.id,
      enterpriseId: draft.enterpriseId,
      values: { title: '', photos: [photo, photo] },
      updatedAt: '2026-11-01T09:00:00.000+08:00',
    });
    expect(await draftContents(db, draft.id)).toEqual({ answers: 2, hazards: 2, photos: 3 });

    await deleteDraftInspection(db, draft.id, lead.id);
    expect((await db.inspections.get(draft.id))?.deletedAt).not.toBeNull();
    expect((await db.findings.get(hazard.id))?.deletedAt).not.toBeNull();
    expect(await db.findingDrafts.count()).toBe(0);
    // The hazard's tombstone is queued before the draft's, in the same transaction.
    const rows = await db.outbox.orderBy(':id').toArray();
    expect(rows.map((r) => [r.entity, r.id])).toEqual([
      ['finding', hazard.id],
      ['inspection', draft.id],
    ]);
    expect(rows.every((r) => (r.data as { deletedAt: unknown }).deletedAt !== null)).toBe(true);
  });

  it('is refused to anyone but the lead, and for a submitted inspection, deleting nothing', async () => {
    const { draft } = await seed();
    await expect(deleteDraftInspection(db, draft.id, chen.id)).rejects.toThrow(DraftSetupError);
    const submitted = makeInspection({ leadInspectorId: lead.id, status: 'submitted' });
    await db.inspections.put(submitted);
    await expect(deleteDraftInspection(db, submitted.id, lead.id)).rejects.toThrow(DraftSetupError);
    expect((await db.inspections.get(draft.id))?.deletedAt).toBeNull();
    expect((await db.inspections.get(submitted.id))?.deletedAt).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });
});
