// Owns the statutory checklists every installation holds, demo or not: the twenty major-hazard
// criteria of 2017 as a built-in template. Written at startup (and by first-run setup) when
// missing or when this release's content differs from the stored one, which then becomes a new
// version, as a publication would; an inspection keeps the version it began with. Built-in
// templates are read-only through sync (sync/built-in-rules.ts).
import { majorHazardChecklist } from '../../../domain/data/major-hazard-criteria-2017';
import type { ChecklistTemplate } from '../../../domain/schemas/template';
import { templateSchema } from '../../../domain/schemas/template';
import type { Database, Queryable } from '../db/database';
import { writeRecords } from '../sync/record-store';

/** The system itself, as the creator of what no person made. */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/** Fixed, so that every installation and the demo district name the same checklist. */
export const MAJOR_HAZARD_TEMPLATE_ID = '01880000-2017-7000-8000-000000000020';

type Content = Pick<ChecklistTemplate, 'title' | 'agencyKind' | 'sections'>;

const builtIns: readonly { id: string; content: Content }[] = [
  { id: MAJOR_HAZARD_TEMPLATE_ID, content: majorHazardChecklist },
];

/** A built-in template as a record, before the server gives it a version. */
export function builtInTemplateRecords(now: Date): ChecklistTemplate[] {
  return builtIns.map(({ id, content }) => ({
    id,
    version: 0,
    updatedAt: now.toISOString(),
    deletedAt: null,
    createdBy: SYSTEM_ACTOR_ID,
    ...structuredClone(content),
    builtIn: true,
  }));
}

/** The content in the schema's key order: jsonb gives keys back in an order of its own. */
const canonical = (value: Record<string, unknown>) => {
  const parsed = templateSchema.safeParse(value);
  return parsed.success
    ? JSON.stringify([parsed.data.title, parsed.data.agencyKind, parsed.data.sections])
    : null;
};

const sameContent = (stored: Record<string, unknown>, record: ChecklistTemplate) =>
  stored.deletedAt === null && stored.builtIn === true && canonical(stored) === canonical(record);

/**
 * Writes each built-in template that is missing or differs from this release's, inside the
 * caller's transaction (which this locks against concurrent writers first). Returns the version
 * of every built-in template as stored afterwards, by id.
 */
export async function ensureBuiltInTemplatesIn(
  tx: Queryable,
  now: Date,
): Promise<Map<string, number>> {
  await tx.query('SELECT version FROM sync_state FOR UPDATE');
  const records = builtInTemplateRecords(now);
  const stored = await tx.query<{ id: string; version: number; data: Record<string, unknown> }>(
    `SELECT id::text AS id, version, data FROM records WHERE entity = 'template'
     AND id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(records.map((r) => r.id))],
  );
  const byId = new Map(stored.map((r) => [r.id, r]));
  const versions = new Map(stored.map((r) => [r.id, Number(r.version)]));
  const stale = records.filter((r) => {
    const s = byId.get(r.id);
    return !s || !sameContent(s.data, r);
  });
  const written = await writeRecords(
    tx,
    stale.map((data) => ({ entity: 'template' as const, data })),
  );
  for (const w of written) versions.set(w.id, w.version);
  return versions;
}

/** ensureBuiltInTemplatesIn, in a transaction of its own; returns how many were written. */
export async function ensureBuiltInTemplates(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const before = await tx.query<{ version: number }>('SELECT version FROM sync_state');
    await ensureBuiltInTemplatesIn(tx, now);
    const after = await tx.query<{ version: number }>('SELECT version FROM sync_state');
    return Number(after[0]?.version ?? 0) - Number(before[0]?.version ?? 0);
  });
}
