// Owns reading the document register: the entries a user may see (an administrator every one;
// anyone else those of their own agency's register for enterprises of their towns), found by
// number, enterprise, kind and issuing day, newest first.
import type { User } from '../../../domain/schemas/user';
import type { RegisterEntry, RegisterQuery } from '../../../domain/sync/register-api';
import type { Queryable } from '../db/database';

interface Row {
  document_id: string;
  number: string;
  kind: RegisterEntry['kind'];
  agency_id: string;
  agency_name: string | null;
  year: number;
  sequence: number;
  issued_on: string;
  inspection_id: string;
  enterprise_id: string;
  enterprise_name: string | null;
  officer_ids: string[];
  registered_at: string | Date;
  total: number;
}

/** A LIKE pattern that finds `text` anywhere, its own % and _ taken literally. */
const containing = (text: string | undefined) =>
  text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;

// $1 everything (administrator), $2 agency, $3 towns, $4 number, $5 enterprise, $6 kind,
// $7 from, $8 to, $9 limit, $10 offset.
const LIST_SQL = `
  SELECT r.document_id::text AS document_id, r.number, r.kind, r.agency_id::text AS agency_id,
    a.data->>'name' AS agency_name, r.year, r.sequence, r.issued_on::text AS issued_on,
    r.inspection_id::text AS inspection_id, d.data->>'enterpriseId' AS enterprise_id,
    e.data->>'name' AS enterprise_name, d.data->'officerIds' AS officer_ids, r.registered_at,
    count(*) OVER ()::int AS total
  FROM document_register r
  JOIN records d ON d.entity = 'document' AND d.id = r.document_id
  LEFT JOIN records e ON e.entity = 'enterprise' AND e.id = (d.data->>'enterpriseId')::uuid
  LEFT JOIN records a ON a.entity = 'agency' AND a.id = r.agency_id
  WHERE ($1::boolean OR (r.agency_id = $2::uuid
      AND d.town IN (SELECT value FROM jsonb_array_elements_text($3::jsonb))))
    AND ($4::text IS NULL OR r.number LIKE $4)
    AND ($5::text IS NULL OR e.data->>'name' LIKE $5 OR e.data->>'creditCode' = $11)
    AND ($6::text IS NULL OR r.kind = $6)
    AND ($7::date IS NULL OR r.issued_on >= $7::date)
    AND ($8::date IS NULL OR r.issued_on <= $8::date)
  ORDER BY r.issued_on DESC, r.registered_at DESC, r.agency_id,
    array_position(ARRAY['record', 'order', 'reinspection'], r.kind), r.sequence DESC
  LIMIT $9 OFFSET $10`;

export async function listRegister(
  db: Queryable,
  user: User,
  query: Omit<RegisterQuery, 'limit' | 'offset'> & { limit: number; offset: number },
): Promise<{ entries: RegisterEntry[]; total: number }> {
  const rows = await db.query<Row>(LIST_SQL, [
    user.role === 'admin',
    user.agencyId,
    JSON.stringify(user.jurisdiction),
    containing(query.number),
    containing(query.enterprise),
    query.kind ?? null,
    query.from ?? null,
    query.to ?? null,
    query.limit,
    query.offset,
    query.enterprise?.toUpperCase() ?? null,
  ]);
  const names = await officerNames(db, [...new Set(rows.flatMap((r) => r.officer_ids))]);
  return {
    total: rows[0]?.total ?? (query.offset > 0 ? await countOnly(db, user, query) : 0),
    entries: rows.map((r) => ({
      documentId: r.document_id,
      number: r.number,
      kind: r.kind,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      year: r.year,
      sequence: r.sequence,
      issuedOn: r.issued_on,
      inspectionId: r.inspection_id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      officers: r.officer_ids.map((id) => ({ id, name: names.get(id) ?? null })),
      registeredAt: new Date(r.registered_at).toISOString(),
    })),
  };
}

/** The total of a search whose page lies past its end. */
async function countOnly(
  db: Queryable,
  user: User,
  query: Omit<RegisterQuery, 'limit' | 'offset'>,
): Promise<number> {
  const { total } = await listRegister(db, user, { ...query, limit: 1, offset: 0 });
  return total;
}

async function officerNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string }>(
    `SELECT id::text AS id, data->>'displayName' AS name FROM records WHERE entity = 'user'
       AND id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb)))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
