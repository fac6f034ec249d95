// The statutory checklist every installation holds: written when missing, left alone when this
// release's content is stored, and published as a new version when it differs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAJOR_HAZARD_TEMPLATE_ID,
  ensureBuiltInTemplates,
} from '../../server/src/statutory/built-in-templates';
import type { TestDatabase } from '../support/test-databases';
import { databaseKinds, freshDatabase } from '../support/test-databases';

describe.each(databaseKinds)('built-in checklists on %s', (kind) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await freshDatabase(kind);
  });
  afterEach(() => db.close());

  const stored = async () =>
    (
      await db.query<{ version: number; data: { builtIn: boolean; sections: unknown[] } }>(
        `SELECT version::int AS version, data FROM records WHERE entity = 'template' AND id = $1::uuid`,
        [MAJOR_HAZARD_TEMPLATE_ID],
      )
    )[0];

  it('writes the twenty criteria once, and a new version only when the content differs', async () => {
    const now = new Date('2026-11-29T00:00:00Z');
    expect(await ensureBuiltInTemplates(db, now)).toBe(1);
    const first = await stored();
    expect(first?.data.builtIn).toBe(true);
    expect(await ensureBuiltInTemplates(db, now)).toBe(0);
    expect((await stored())?.version).toBe(first?.version);
    // An older release's content (a criterion's wording since corrected) is published anew.
    await db.query(
      `UPDATE records SET data = jsonb_set(data, '{sections,0,title}', '"旧版"')
       WHERE entity = 'template' AND id = $1::uuid`,
      [MAJOR_HAZARD_TEMPLATE_ID],
    );
    expect(await ensureBuiltInTemplates(db, now)).toBe(1);
    const again = await stored();
    expect(again?.version).toBeGreaterThan(first?.version ?? 0);
    expect(again?.data.sections).toEqual(first?.data.sections);
  });
});
