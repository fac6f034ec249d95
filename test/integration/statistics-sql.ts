// The dashboard's and work list's figures counted directly in the server's database with SQL,
// written independently of domain/rules so that the two can be checked against each other.
// China has no daylight saving: a timestamp's China date is its UTC time plus eight hours.
import type { Queryable } from '../../server/src/db/database';

const chinaDate = (timestamp: string) =>
  `((${timestamp})::timestamptz AT TIME ZONE 'UTC' + interval '8 hours')::date`;

/** Submitted, live inspections with their China start date; recorded hazards with theirs. */
const recorded = `
  insp AS (
    SELECT id::text AS id, data, ${chinaDate(`data->>'startedAt'`)} AS on_day
    FROM records
    WHERE entity = 'inspection' AND data->>'status' = 'submitted' AND data->>'deletedAt' IS NULL
  ),
  f AS (
    SELECT fr.data AS f, insp.data AS i, insp.on_day
    FROM records fr JOIN insp ON insp.id = fr.data->>'inspectionId'
    WHERE fr.entity = 'finding' AND fr.data->>'deletedAt' IS NULL
  )`;

/** The twelve months ending with today's, oldest first. */
export async function sqlMonths(db: Queryable, today: string): Promise<string[]> {
  const rows = await db.query<{ month: string }>(
    `SELECT to_char(m, 'YYYY-MM') AS month
     FROM generate_series(date_trunc('month', $1::date) - interval '11 months',
                          date_trunc('month', $1::date), interval '1 month') AS m
     ORDER BY 1`,
    [today],
  );
  return rows.map((r) => r.month);
}

export interface HazardCell {
  month: string;
  category: string;
  grade: string;
  n: number;
}

export function sqlHazardCounts(db: Queryable): Promise<HazardCell[]> {
  return db.query<HazardCell>(
    `WITH ${recorded}
     SELECT to_char(on_day, 'YYYY-MM') AS month, f->>'category' AS category,
            f->>'grade' AS grade, count(*)::int AS n
     FROM f GROUP BY 1, 2, 3`,
  );
}

export interface RectificationSql {
  key: string;
  findings: number;
  due: number;
  closed: number;
  closed_on_time: number;
  overdue: number;
  rectification_rate: number | null;
  on_time_rate: number | null;
}

const rectificationColumns = `
  count(*)::int AS findings,
  count(*) FILTER (WHERE f->>'status' = 'closed' OR (f->>'deadline')::date < $1::date)::int AS due,
  count(*) FILTER (WHERE f->>'status' = 'closed')::int AS closed,
  count(*) FILTER (WHERE f->>'status' = 'closed'
    AND ${chinaDate(`f->'verification'->>'verifiedAt'`)} <= (f->>'deadline')::date)::int
    AS closed_on_time,
  count(*) FILTER (WHERE f->>'status' = 'open' AND (f->>'deadline')::date < $1::date)::int
    AS overdue,
  (count(*) FILTER (WHERE f->>'status' = 'closed'))::float8
    / NULLIF(count(*) FILTER (WHERE f->>'status' = 'closed'
                              OR (f->>'deadline')::date < $1::date), 0) AS rectification_rate,
  (count(*) FILTER (WHERE f->>'status' = 'closed'
    AND ${chinaDate(`f->'verification'->>'verifiedAt'`)} <= (f->>'deadline')::date))::float8
    / NULLIF(count(*) FILTER (WHERE f->>'status' = 'closed'), 0) AS on_time_rate`;

/** Per agency that took part in the inspection (a joint one counts for each), by agency id. */
export function sqlRectificationByAgency(db: Queryable, today: string) {
  return db.query<RectificationSql>(
    `WITH ${recorded}
     SELECT a.agency AS key, ${rectificationColumns}
     FROM f CROSS JOIN LATERAL
       (SELECT DISTINCT jsonb_array_elements_text(f.i->'agencyIds') AS agency) AS a
     GROUP BY a.agency ORDER BY a.agency`,
    [today],
  );
}

/** Per town of the hazard's (live) enterprise, by town code. */
export function sqlRectificationByTown(db: Queryable, today: string) {
  return db.query<RectificationSql>(
    `WITH ${recorded}
     SELECT e.data->>'town' AS key, ${rectificationColumns}
     FROM f JOIN records e ON e.entity = 'enterprise' AND e.id::text = f.f->>'enterpriseId'
     WHERE e.data->>'deletedAt' IS NULL
     GROUP BY 1 ORDER BY 1`,
    [today],
  );
}

export async function sqlRectificationDistrict(db: Queryable, today: string) {
  const [row] = await db.query<RectificationSql>(
    `WITH ${recorded} SELECT 'district' AS key, ${rectificationColumns} FROM f`,
    [today],
  );
  if (!row) throw new Error('no district row');
  return row;
}

export function sqlInspectionCounts(db: Queryable) {
  return db.query<{ month: string; kind: string; n: number }>(
    `WITH ${recorded}
     SELECT to_char(on_day, 'YYYY-MM') AS month, data->>'kind' AS kind, count(*)::int AS n
     FROM insp GROUP BY 1, 2`,
  );
}

export interface BurdenSql {
  enterprise: string;
  visits: number;
  agencies: number;
  separate_months: string[];
}

/**
 * Visits in the twelve months ending today to every live enterprise; the months in which two or
 * more separate visits (re-inspections aside) brought at least `agenciesInMonth` agencies.
 */
export async function sqlBurden(db: Queryable, today: string, agenciesInMonth: number) {
  const window = `v.on_day BETWEEN ($1::date - interval '12 months' + interval '1 day')::date
                  AND $1::date AND v.data->>'enterpriseId' = e.id::text`;
  const rows = await db.query<BurdenSql & { mean: number; sd: number }>(
    `WITH ${recorded},
     b AS (
       SELECT e.id::text AS enterprise,
         (SELECT count(*) FROM insp v WHERE ${window})::int AS visits,
         (SELECT count(DISTINCT a) FROM insp v, jsonb_array_elements_text(v.data->'agencyIds') a
          WHERE ${window})::int AS agencies,
         ARRAY(
           SELECT to_char(v.on_day, 'YYYY-MM') FROM insp v,
             jsonb_array_elements_text(v.data->'agencyIds') a
           WHERE ${window} AND v.data->>'kind' <> 'reinspection'
           GROUP BY 1
           HAVING count(DISTINCT v.id) >= 2 AND count(DISTINCT a) >= $2
           ORDER BY 1
         ) AS separate_months
       FROM records e
       WHERE e.entity = 'enterprise' AND e.data->>'deletedAt' IS NULL
     )
     SELECT b.*, (avg(visits) OVER ())::float8 AS mean, (stddev_pop(visits) OVER ())::float8 AS sd
     FROM b ORDER BY visits DESC, enterprise`,
    [today, agenciesInMonth],
  );
  const stats = rows[0] ?? { mean: 0, sd: 0 };
  return { rows, mean: stats.mean, sd: stats.sd };
}

/** Each live enterprise's milestones (an enterprise without any gives one row of nulls). */
const milestones = `
  ms AS (
    SELECT e.id::text AS id, e.data->>'town' AS town, e.data->>'track' AS track,
      m.ord, (m.ms->>'due')::date AS due,
      CASE WHEN m.ms IS NULL THEN NULL
           WHEN m.ms->>'doneAt' IS NOT NULL THEN 'done'
           WHEN (m.ms->>'due')::date < $1::date THEN 'overdue'
           ELSE 'pending' END AS state
    FROM records e
    LEFT JOIN LATERAL jsonb_array_elements(e.data->'trackMilestones') WITH ORDINALITY
      AS m(ms, ord) ON true
    WHERE e.entity = 'enterprise' AND e.data->>'deletedAt' IS NULL
  )`;

export interface MilestoneSql {
  key: string;
  enterprises: number;
  enterprises_with_overdue: number;
  milestones: number;
  done: number;
  overdue: number;
  pending: number;
  progress: number | null;
}

const groupings = {
  district: `'district'`,
  track: 'track',
  town: 'town',
  year: `extract(year FROM due)::int::text`,
} as const;

/** Milestone totals grouped by nothing (the district), track, town or year due. */
export function sqlMilestoneTotals(
  db: Queryable,
  today: string,
  by: keyof typeof groupings,
): Promise<MilestoneSql[]> {
  // The grouping is one of the constants above, never input: building the statement is safe.
  const key = groupings[by];
  return db.query<MilestoneSql>(
    `WITH ${milestones}
     SELECT ${key} AS key,
       count(DISTINCT id)::int AS enterprises,
       count(DISTINCT id) FILTER (WHERE state = 'overdue')::int AS enterprises_with_overdue,
       count(state)::int AS milestones,
       count(*) FILTER (WHERE state = 'done')::int AS done,
       count(*) FILTER (WHERE state = 'overdue')::int AS overdue,
       count(*) FILTER (WHERE state = 'pending')::int AS pending,
       (count(*) FILTER (WHERE state = 'done'))::float8 / NULLIF(count(state), 0) AS progress
     FROM ms ${by === 'year' ? 'WHERE due IS NOT NULL' : ''}
     GROUP BY 1 ORDER BY 1`,
    [today],
  );
}

/** Every live enterprise's milestone states, in the order of its list. */
export function sqlMilestoneStates(db: Queryable, today: string) {
  return db.query<{ id: string; states: string[] }>(
    `WITH ${milestones}
     SELECT id, array_agg(state ORDER BY ord) FILTER (WHERE state IS NOT NULL) AS states
     FROM ms GROUP BY id`,
    [today],
  );
}
