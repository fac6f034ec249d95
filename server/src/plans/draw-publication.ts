// Owns the published results of a draw (抽查结果公示, GET /draws/:id/results): read by the
// draw's agency and a joint draw's partner, built from what the server holds of the draw's
// tasks, the submitted inspections naming them and their hazards (rules/publication.ts decides
// which count), with the names of the enterprises, agencies and checklists as the server has them.
import { publicationRows } from '../../../domain/rules/publication';
import type { Finding } from '../../../domain/schemas/finding';
import { findingSchema } from '../../../domain/schemas/finding';
import type { Inspection } from '../../../domain/schemas/inspection';
import { inspectionSchema } from '../../../domain/schemas/inspection';
import type { Publication } from '../../../domain/schemas/publication';
import type { Task } from '../../../domain/schemas/task';
import { taskSchema } from '../../../domain/schemas/task';
import type { User } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';
import { agencyDraws } from './draw-store';
import { visibleDraw } from './draw-runs';

/** The inspections at the enterprises named (the enterprise index finds them). */
async function inspectionsAt(db: Queryable, enterpriseIds: readonly string[]) {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM records
     WHERE entity = 'inspection' AND data->>'enterpriseId' = ANY ($1::text[])`,
    [enterpriseIds],
  );
  return rows.map((r) => inspectionSchema.parse(r.data));
}

/** The draw's tasks, withdrawn ones too. */
async function tasksOfDraw(db: Queryable, drawId: string): Promise<Task[]> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM records WHERE entity = 'task' AND data->>'drawId' = $1`,
    [drawId],
  );
  return rows.map((r) => taskSchema.parse(r.data));
}

/** id → the text of `field` of the records of `entity` named. */
async function namesOf(
  db: Queryable,
  entity: 'enterprise' | 'agency' | 'template',
  field: 'name' | 'title',
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; name: string | null }>(
    `SELECT id::text AS id, data->>'${field}' AS name FROM records
     WHERE entity = $1 AND id = ANY ($2::uuid[])`,
    [entity, [...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name ?? '']));
}

export async function drawPublication(db: Queryable, user: User, id: string): Promise<Publication> {
  const { record } = await visibleDraw(db, user, id);
  const enterpriseIds = record.result.visits.map((v) => v.enterpriseId);
  const tasks = await tasksOfDraw(db, record.id);
  const taskIds = new Set(tasks.map((task) => task.id));
  const inspections = (await inspectionsAt(db, enterpriseIds)).filter(
    (i: Inspection) => typeof i.taskId === 'string' && taskIds.has(i.taskId),
  );
  const findingRows = await db.query<{ data: unknown }>(
    `SELECT data FROM records WHERE entity = 'finding' AND data->>'inspectionId' = ANY ($1::text[])`,
    [inspections.map((i) => i.id)],
  );
  const findings: Finding[] = findingRows.map((r) => findingSchema.parse(r.data));

  const agencyIds = [record.agencyId, ...record.result.visits.flatMap((v) => v.agencyIds)];
  const templateIds = inspections.flatMap(
    (i) => i.templateRefs?.map((r) => r.id) ?? [i.templateId],
  );
  const enterprises = await namesOf(db, 'enterprise', 'name', enterpriseIds);
  const agencies = await namesOf(db, 'agency', 'name', agencyIds);
  const templates = await namesOf(db, 'template', 'title', templateIds);
  const rows = publicationRows(
    { drawId: record.id, visits: record.result.visits, tasks, inspections, findings },
    {
      enterprise: (e) => enterprises.get(e) ?? '',
      agency: (a) => agencies.get(a) ?? '',
      template: (tpl) => templates.get(tpl) ?? '',
    },
  );
  const replaced = (await agencyDraws(db, record.agencyId)).some((d) => d.redraw?.of === record.id);
  return {
    draw: {
      id: record.id,
      agencyId: record.agencyId,
      agencyName: agencies.get(record.agencyId) ?? '',
      jointPartnerAgencyId: record.jointPartnerAgencyId,
      planId: record.planId,
      planRevision: record.planRevision,
      year: record.year,
      periodKey: record.periodKey,
      periodFrom: record.periodFrom,
      periodTo: record.periodTo,
      drawnAt: record.drawnAt,
      resultHash: record.resultHash,
      replaced,
    },
    rows,
  };
}
