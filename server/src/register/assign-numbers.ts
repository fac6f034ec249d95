// Owns assigning official document numbers (文书登记) inside the transaction of the write that
// issues the documents: a submitted inspection's record and, with hazards, its rectification
// order; a re-inspection visit's opinion. Each agency numbers each kind of document from 1 every
// year, with no gap and no repeat: the counter row of (agency, kind, year) is locked FOR UPDATE
// while numbers are taken, so concurrent writers on any number of server processes take turns,
// and a transaction that rolls back returns its numbers with it (a PostgreSQL sequence would
// lose them). The register's keys make a second number for a document, or a second document
// for a number, a database error. Each number reaches devices as a `document` record.
import { agencyShortName } from '../../../domain/rules/agency-short-name';
import { documentNumber } from '../../../domain/rules/document-number';
import type { DocumentKind } from '../../../domain/rules/document-number';
import {
  documentIssuedOn,
  documentsIssued,
  documentYear,
  registeringAgencyId,
} from '../../../domain/rules/document-register';
import { officerIds } from '../../../domain/rules/officers';
import type { RegisteredDocument } from '../../../domain/schemas/document';
import type { Inspection } from '../../../domain/schemas/inspection';
import type { Queryable } from '../db/database';
import { writeRecords } from '../sync/record-store';
import type { WrittenRecord } from '../sync/record-store';
import { newRecordEnvelope } from '../db/new-record';

/** The short name a number is printed with; an agency whose name yields none, a generic one. */
export const numberingName = (agencyName: string) => agencyShortName(agencyName) || '执法';

const idList = (ids: Iterable<string>) => JSON.stringify([...new Set(ids)]);

async function storedInspections(tx: Queryable, ids: string[]): Promise<Inspection[]> {
  const rows = await tx.query<{ data: Inspection }>(
    `SELECT data FROM records WHERE entity = 'inspection'
       AND id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb)))`,
    [idList(ids)],
  );
  return rows.map((r) => r.data);
}

/** The kinds each inspection already has a number for, by inspection id. */
async function registered(tx: Queryable, ids: string[]): Promise<Map<string, Set<string>>> {
  const rows = await tx.query<{ inspection_id: string; kind: string }>(
    `SELECT inspection_id::text AS inspection_id, kind FROM document_register
     WHERE inspection_id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb)))`,
    [idList(ids)],
  );
  const kinds = new Map<string, Set<string>>();
  for (const r of rows)
    kinds.set(r.inspection_id, (kinds.get(r.inspection_id) ?? new Set()).add(r.kind));
  return kinds;
}

/** Which of the inspections issued their documents before the register (migration 14). */
async function exempt(tx: Queryable, ids: string[]): Promise<Set<string>> {
  const rows = await tx.query<{ inspection_id: string }>(
    `SELECT inspection_id::text AS inspection_id FROM register_exempt
     WHERE inspection_id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb)))`,
    [idList(ids)],
  );
  return new Set(rows.map((r) => r.inspection_id));
}

/** Which of the inspections have a hazard that is not deleted. */
async function withHazards(tx: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.query<{ inspection_id: string }>(
    `SELECT DISTINCT data->>'inspectionId' AS inspection_id FROM records
     WHERE entity = 'finding' AND deleted_at IS NULL
       AND data->>'inspectionId' = ANY (ARRAY(SELECT value FROM jsonb_array_elements_text($1::jsonb)))`,
    [idList(ids)],
  );
  return new Set(rows.map((r) => r.inspection_id));
}

async function dataById<T>(tx: Queryable, entity: string, ids: string[]): Promise<Map<string, T>> {
  const rows = await tx.query<{ id: string; data: T }>(
    `SELECT id::text AS id, data FROM records WHERE entity = $1
       AND id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb)))`,
    [entity, idList(ids)],
  );
  return new Map(rows.map((r) => [r.id, r.data]));
}

/**
 * Takes `count` consecutive numbers of an agency's register of a kind and year: the first.
 * The counter row is created at 0 the first time (a concurrent creator's insert waits for this
 * one and then does nothing), then locked until the transaction ends.
 */
export async function takeSequence(
  tx: Queryable,
  key: { agencyId: string; kind: DocumentKind; year: number },
  count: number,
): Promise<number> {
  const params = [key.agencyId, key.kind, key.year];
  await tx.query(
    `INSERT INTO document_counters (agency_id, kind, year, last_sequence)
     VALUES ($1::uuid, $2, $3, 0) ON CONFLICT DO NOTHING`,
    params,
  );
  const [row] = await tx.query<{ last_sequence: number }>(
    `SELECT last_sequence FROM document_counters
     WHERE agency_id = $1::uuid AND kind = $2 AND year = $3 FOR UPDATE`,
    params,
  );
  if (!row) throw new Error('the document counter row vanished');
  await tx.query(
    `UPDATE document_counters SET last_sequence = $4
     WHERE agency_id = $1::uuid AND kind = $2 AND year = $3`,
    [...params, row.last_sequence + count],
  );
  return row.last_sequence + 1;
}

interface Due {
  inspection: Inspection;
  kind: DocumentKind;
  agencyId: string;
  issuedOn: string;
  year: number;
}

/**
 * Registers the documents that the named inspections issue, as they now stand in the
 * transaction, and have no number yet; answers the `document` records written. `by` is the user
 * whose write issued them. Numbers are taken in the order of `inspectionIds`, record before order.
 */
export async function registerDocuments(
  tx: Queryable,
  inspectionIds: readonly string[],
  by: string,
  now: Date,
): Promise<WrittenRecord[]> {
  const ids = [...new Set(inspectionIds.map((id) => id.toLowerCase()))];
  if (ids.length === 0) return [];
  const issuing = (await storedInspections(tx, ids)).filter(
    (i) => documentsIssued(i, true).length > 0,
  );
  if (issuing.length === 0) return [];
  // Documents served before the register existed keep their provisional numbers.
  const before = await exempt(
    tx,
    issuing.map((i) => i.id),
  );
  const submitted = issuing.filter((i) => !before.has(i.id));
  if (submitted.length === 0) return [];
  const have = await registered(
    tx,
    submitted.map((i) => i.id),
  );
  const orderless = submitted.filter(
    (i) => i.kind !== 'reinspection' && !have.get(i.id)?.has('order'),
  );
  const hazards = await withHazards(
    tx,
    orderless.map((i) => i.id),
  );
  const pending = submitted
    .map((inspection) => ({
      inspection,
      kinds: documentsIssued(inspection, hazards.has(inspection.id)).filter(
        (k) => !have.get(inspection.id)?.has(k),
      ),
    }))
    .filter((p) => p.kinds.length > 0)
    .sort((a, b) => ids.indexOf(a.inspection.id) - ids.indexOf(b.inspection.id));
  if (pending.length === 0) return [];
  const leads = await dataById<{ agencyId: string }>(
    tx,
    'user',
    pending.map((p) => p.inspection.leadInspectorId),
  );
  const due: Due[] = pending.flatMap(({ inspection, kinds }) => {
    const agencyId = registeringAgencyId(inspection, leads);
    if (agencyId === undefined) throw new Error(`inspection ${inspection.id} names no agency`);
    const issuedOn = documentIssuedOn(inspection, now);
    return kinds.map((kind) => ({
      inspection,
      kind,
      agencyId,
      issuedOn,
      year: documentYear(issuedOn),
    }));
  });
  const agencies = await dataById<{ name: string }>(
    tx,
    'agency',
    due.map((d) => d.agencyId),
  );
  // One lock and one update per register, in a fixed order (no two writers wait on each other).
  const groups = new Map<string, Due[]>();
  for (const d of due) {
    const key = `${d.agencyId}/${d.kind}/${d.year}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const documents = new Map<Due, RegisteredDocument>();
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key) ?? [];
    const [first] = group;
    if (!first) continue;
    const start = await takeSequence(tx, first, group.length);
    const shortName = numberingName(agencies.get(first.agencyId)?.name ?? '');
    group.forEach((d, i) => {
      const sequence = start + i;
      documents.set(d, {
        ...newRecordEnvelope(by, now.toISOString()),
        kind: d.kind,
        inspectionId: d.inspection.id,
        enterpriseId: d.inspection.enterpriseId,
        agencyId: d.agencyId,
        year: d.year,
        sequence,
        number: documentNumber({
          agencyShortName: shortName,
          kind: d.kind,
          year: d.year,
          sequence,
        }),
        issuedOn: d.issuedOn,
        officerIds: officerIds(d.inspection),
      });
    });
  }
  // Written in the order the numbers were due, so that versions follow the documents' order.
  const records = due.flatMap((d) => {
    const doc = documents.get(d);
    return doc ? [doc] : [];
  });
  await tx.query(
    `INSERT INTO document_register (agency_id, kind, year, sequence, number, document_id,
       inspection_id, issued_on, registered_at)
     SELECT "agencyId", kind, year, sequence, number, id, "inspectionId", "issuedOn", $2::timestamptz
     FROM jsonb_to_recordset($1::jsonb) AS d("agencyId" uuid, kind text, year integer,
       sequence integer, number text, id uuid, "inspectionId" uuid, "issuedOn" date)`,
    [JSON.stringify(records), now.toISOString()],
  );
  return writeRecords(
    tx,
    records.map((data) => ({ entity: 'document' as const, data, deviceId: null })),
  );
}
