import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  listFindingDraftsOfInspection,
  saveFindingContent,
  saveFindingDraft,
} from '../../../../../renderer/src/db/repositories/findings';
import {
  createInspection,
  setItemResult,
} from '../../../../../renderer/src/db/repositories/inspections';
import { photoBlobStoreFor } from '../../../../../renderer/src/db/repositories/photo-blob-store';
import { newId } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';
import { isUploaded } from '../../../../../renderer/src/db/repositories/blobs';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened), { open: false });

const me = newId();
const input = () => ({
  enterpriseId: newId(),
  kind: 'joint' as const,
  templates: [
    { id: newId(), version: 3 },
    { id: newId(), version: 1 },
  ],
  lead: { id: me, agencyId: newId() },
  // Co-inspectors come from the user directory (inspection-create.test.ts).
  coInspectorIds: [],
  location: { lat: 30.1, lon: 120.8, accuracyM: 12 },
});

describe('inspection and finding writes', () => {
  it('creates a draft inspection (UUIDv7, version 0) with its outbox row', async () => {
    const made = await createInspection(db, input());
    expect(made.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const stored = await db.inspections.get(made.id);
    expect(stored).toMatchObject({ version: 0, status: 'draft', createdBy: me });
    expect(stored?.review.status).toBe('pending');
    expect(stored?.templateRefs).toHaveLength(2);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'inspection', id: made.id, op: 'upsert' });
  });

  it('stores nothing when the outbox row cannot be written', async () => {
    const made = await createInspection(db, input());
    // A queued row may be added or, while not yet pushed, updated in place: both fail here.
    const full = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    db.outbox.hook('creating', full);
    db.outbox.hook('updating', full);
    await expect(
      setItemResult(db, made.id, { itemId: 'a1', result: 'fail', note: '' }),
    ).rejects.toThrow();
    expect((await db.inspections.get(made.id))?.itemResults).toEqual([]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps an incomplete hazard as a local draft and queues it only once valid', async () => {
    const made = await createInspection(db, input());
    const key = {
      id: newId(),
      inspectionId: made.id,
      enterpriseId: made.enterpriseId,
      createdBy: me,
    };
    await saveFindingDraft(db, {
      ...key,
      values: { title: '' },
      updatedAt: new Date().toISOString(),
    });
    expect(await listFindingDraftsOfInspection(db, made.id)).toHaveLength(1);
    expect(await db.outbox.count()).toBe(1);
    await saveFindingContent(db, key, {
      itemId: null,
      title: 'Leaking valve',
      description: '',
      category: 'chemical_storage',
      grade: 'general',
      legalBasis: 'Art. 1',
      requirement: 'Replace it',
      deadline: '2099-01-01',
      responsiblePerson: 'Zhang',
      photos: [],
    });
    expect(await listFindingDraftsOfInspection(db, made.id)).toHaveLength(0);
    expect(await db.findings.get(key.id)).toMatchObject({ version: 0, status: 'open' });
    expect((await db.outbox.toArray()).map((r) => r.entity)).toEqual(['inspection', 'finding']);
  });

  it('keeps photo bytes in the blobs table, not yet uploaded, with one memoised store', async () => {
    const store = photoBlobStoreFor(db);
    expect(photoBlobStoreFor(db)).toBe(store);
    const bytes = new Blob(['jpeg'], { type: 'image/jpeg' });
    await store.put({ sha256: 'a'.repeat(64), mime: 'image/jpeg', size: 4, bytes });
    expect(await db.blobs.get('a'.repeat(64))).toMatchObject({ size: 4 });
    expect(await isUploaded(db, 'a'.repeat(64))).toBe(false);
    expect(await store.get('a'.repeat(64))).toBeDefined();
  });
});
