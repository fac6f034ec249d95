// Owns who takes part in which inspection (its lead and co-inspectors: the participants table,
// kept with each write of an inspection) and what a change of them means for pulls. Every
// officer of an inspection pulls it, its findings (and document numbers) and its enterprise, whatever their own towns
// (pull.ts). An officer who joins an inspection outside their towns gets its findings and its
// enterprise at new versions, because their cursor may be past them; one who leaves gets a
// participant exit for each, which pull sends as a removal unless their towns still show it.
import type { Queryable } from '../db/database';
import type { WrittenRecord } from './record-store';
import type { ScopeMove } from './scope-exits';
import { recordKey } from './stored-records';

// Lists of keys go in as `= ANY (ARRAY(…))`: a lookup by index for each, where a join may read
// the whole table (the embedded database keeps no statistics to tell).

interface Participation {
  inspection_id: string;
  user_id: string;
  enterprise_id: string;
  town: string;
}

interface Keyed {
  entity: 'inspection' | 'finding' | 'document' | 'enterprise';
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pairOf = (p: { inspection_id: string; user_id: string }) =>
  `${p.inspection_id}/${p.user_id}`.toLowerCase();

/** The lead and the co-inspectors the inspection's data names, each once. */
function officersOf(data: Record<string, unknown>): string[] {
  const named = [
    data.leadInspectorId,
    ...(Array.isArray(data.coInspectorIds) ? data.coInspectorIds : []),
  ];
  const ids = named.filter((id): id is string => typeof id === 'string' && UUID.test(id));
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

async function storedParticipations(tx: Queryable, inspectionIds: string[]) {
  if (inspectionIds.length === 0) return [];
  return tx.query<Participation>(
    `SELECT inspection_id::text AS inspection_id, user_id::text AS user_id,
       enterprise_id::text AS enterprise_id, town
     FROM participants
     WHERE inspection_id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb)))`,
    [JSON.stringify(inspectionIds)],
  );
}

/**
 * The stored findings and registered document numbers of each of `inspectionIds` (what its
 * officers pull with it), by inspection id.
 */
async function findingsOf(tx: Queryable, inspectionIds: Iterable<string>) {
  const ids = [...new Set(inspectionIds)];
  const found = new Map<string, Keyed[]>();
  if (ids.length === 0) return found;
  const rows = await tx.query<{
    entity: 'finding' | 'document';
    id: string;
    inspection_id: string;
  }>(
    `SELECT entity, id::text AS id, data->>'inspectionId' AS inspection_id FROM records
     WHERE entity IN ('finding', 'document')
       AND data->>'inspectionId' = ANY (ARRAY(SELECT value FROM jsonb_array_elements_text($1::jsonb)))`,
    [JSON.stringify(ids)],
  );
  for (const r of rows) {
    const child: Keyed = { entity: r.entity, id: r.id };
    found.set(r.inspection_id, [...(found.get(r.inspection_id) ?? []), child]);
  }
  return found;
}

/** Whether each user sees `town` through their own towns (admins see every town). */
async function townSeers(tx: Queryable, userIds: string[]) {
  if (userIds.length === 0) return () => false;
  const rows = await tx.query<{ id: string; role: string; jurisdiction: unknown }>(
    `SELECT id::text AS id, data->>'role' AS role, data->'jurisdiction' AS jurisdiction
     FROM records WHERE entity = 'user'
       AND id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb)))`,
    [JSON.stringify(userIds)],
  );
  const users = new Map(rows.map((r) => [r.id, r]));
  return (userId: string, town: string) => {
    const user = users.get(userId);
    // Nobody to pull for an id that names no user.
    if (!user) return true;
    return (
      user.role === 'admin' ||
      (Array.isArray(user.jurisdiction) && user.jurisdiction.includes(town))
    );
  };
}

/** Writes participant exits, each at a version of its own. */
async function recordExits(
  tx: Queryable,
  exits: Map<string, { user_id: string } & Keyed>,
  takeVersions: (count: number) => Promise<number>,
) {
  if (exits.size === 0) return;
  const first = await takeVersions(exits.size);
  await tx.query(
    `INSERT INTO participant_exits (user_id, entity, id, version)
     SELECT user_id, entity, id, version FROM jsonb_to_recordset($1::jsonb)
       AS r(user_id uuid, entity text, id uuid, version bigint)
     ON CONFLICT (user_id, entity, id) DO UPDATE SET version = excluded.version`,
    [JSON.stringify([...exits.values()].map((e, i) => ({ ...e, version: first + i })))],
  );
}

/** Gives records new versions, their content unchanged (as a moved enterprise's children). */
async function reversion(
  tx: Queryable,
  keys: readonly Keyed[],
  takeVersions: (count: number) => Promise<number>,
) {
  if (keys.length === 0) return;
  const first = await takeVersions(keys.length);
  await tx.query(
    `UPDATE records SET version = m.version,
       data = jsonb_set(records.data, '{version}', to_jsonb(m.version))
     FROM jsonb_to_recordset($1::jsonb) AS m(entity text, id uuid, version bigint)
     WHERE records.entity = m.entity AND records.id = m.id`,
    [JSON.stringify(keys.map((k, i) => ({ ...k, version: first + i })))],
  );
}

/**
 * Brings the participants of the written inspections up to date, with what that means for
 * pulls (see the module comment), and follows moved inspections to their new town. `existed`
 * names the written records that were stored before (by recordKey); `takeVersions` takes fresh
 * versions in the caller's transaction.
 */
export async function followParticipants(
  tx: Queryable,
  written: readonly WrittenRecord[],
  existed: ReadonlyMap<string, unknown>,
  moves: readonly ScopeMove[],
  takeVersions: (count: number) => Promise<number>,
): Promise<void> {
  const moved = moves.filter((m) => m.entity === 'inspection' && m.to !== null);
  if (moved.length > 0) {
    await tx.query(
      `UPDATE participants p SET town = m.town
       FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, town text) WHERE p.inspection_id = m.id`,
      [JSON.stringify(moved.map((m) => ({ id: m.id, town: m.to })))],
    );
  }
  const inspections = written.filter((r) => r.entity === 'inspection' && r.town !== null);
  if (inspections.length === 0) return;
  const next = inspections.flatMap((r) =>
    officersOf(r.data).map((user_id): Participation => ({
      inspection_id: r.id,
      user_id,
      enterprise_id: String(r.data.enterpriseId),
      town: r.town ?? '',
    })),
  );
  const old = await storedParticipations(
    tx,
    inspections.filter((r) => existed.has(recordKey('inspection', r.id))).map((r) => r.id),
  );
  const oldByPair = new Map(old.map((p) => [pairOf(p), p]));
  const nextByPair = new Map(next.map((p) => [pairOf(p), p]));
  const removed = old.filter((p) => !nextByPair.has(pairOf(p)));
  const gained = next.filter((p) => !oldByPair.has(pairOf(p)));
  const changed = next.filter((p) => {
    const before = oldByPair.get(pairOf(p));
    return (
      before !== undefined && (before.enterprise_id !== p.enterprise_id || before.town !== p.town)
    );
  });
  // An officer may no longer see the enterprise they were there for, and may see a new one.
  const leftEnterprise = [
    ...removed,
    ...changed.flatMap((p) => {
      const before = oldByPair.get(pairOf(p));
      return before && before.enterprise_id !== p.enterprise_id ? [before] : [];
    }),
  ];
  const joinedEnterprise = [
    ...gained,
    ...changed.filter((p) => oldByPair.get(pairOf(p))?.enterprise_id !== p.enterprise_id),
  ];

  if (removed.length > 0) {
    await tx.query(
      `DELETE FROM participants p USING jsonb_to_recordset($1::jsonb) AS r(inspection_id uuid, user_id uuid)
       WHERE p.inspection_id = r.inspection_id AND p.user_id = r.user_id`,
      [JSON.stringify(removed.map(({ inspection_id, user_id }) => ({ inspection_id, user_id })))],
    );
  }
  const upserts = [...gained, ...changed];
  if (upserts.length > 0) {
    await tx.query(
      `INSERT INTO participants (inspection_id, user_id, enterprise_id, town)
       SELECT inspection_id, user_id, enterprise_id, town FROM jsonb_to_recordset($1::jsonb)
         AS r(inspection_id uuid, user_id uuid, enterprise_id uuid, town text)
       ON CONFLICT (inspection_id, user_id) DO UPDATE
         SET enterprise_id = excluded.enterprise_id, town = excluded.town`,
      [JSON.stringify(upserts)],
    );
  }
  if (removed.length === 0 && gained.length === 0 && leftEnterprise.length === 0) return;

  // The stored findings of inspections someone left or joined (a new inspection has none yet).
  const findings = await findingsOf(
    tx,
    [...removed, ...gained]
      .map((p) => p.inspection_id)
      .filter((id) => existed.has(recordKey('inspection', id))),
  );
  const writtenKeys = new Set(written.map((r) => recordKey(r.entity, r.id)));

  const exits = new Map<string, { user_id: string } & Keyed>();
  const exit = (user_id: string, entity: Keyed['entity'], id: string) =>
    exits.set(`${user_id}/${recordKey(entity, id)}`, { user_id, entity, id });
  for (const p of removed) {
    exit(p.user_id, 'inspection', p.inspection_id);
    for (const child of findings.get(p.inspection_id) ?? [])
      exit(p.user_id, child.entity, child.id);
  }
  // An exit of an enterprise where another inspection of theirs is: pull hides it while so.
  for (const p of leftEnterprise) exit(p.user_id, 'enterprise', p.enterprise_id);

  // Joining again voids earlier exits; an officer outside the town gets the records anew.
  const voided: ({ user_id: string } & Keyed)[] = [];
  const again: Keyed[] = [];
  const seesTown = await townSeers(tx, [...new Set(joinedEnterprise.map((p) => p.user_id))]);
  for (const p of gained) {
    voided.push({ user_id: p.user_id, entity: 'inspection', id: p.inspection_id });
    for (const child of findings.get(p.inspection_id) ?? []) {
      voided.push({ user_id: p.user_id, ...child });
      if (!seesTown(p.user_id, p.town)) again.push(child);
    }
  }
  for (const p of joinedEnterprise) {
    exits.delete(`${p.user_id}/${recordKey('enterprise', p.enterprise_id)}`);
    voided.push({ user_id: p.user_id, entity: 'enterprise', id: p.enterprise_id });
    if (!seesTown(p.user_id, p.town)) again.push({ entity: 'enterprise', id: p.enterprise_id });
  }
  if (voided.length > 0) {
    await tx.query(
      `DELETE FROM participant_exits x
       USING jsonb_to_recordset($1::jsonb) AS r(user_id uuid, entity text, id uuid)
       WHERE x.user_id = r.user_id AND x.entity = r.entity AND x.id = r.id`,
      [JSON.stringify(voided)],
    );
  }
  await recordExits(tx, exits, takeVersions);
  const unique = new Map(again.map((k) => [recordKey(k.entity, k.id), k]));
  for (const key of writtenKeys) unique.delete(key);
  await reversion(tx, [...unique.values()], takeVersions);
}
