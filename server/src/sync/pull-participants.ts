// Owns the parts of a pull page that come from taking part in inspections (participants.ts):
// every inspection the caller takes part in outside their towns, its findings, its document
// numbers and its enterprise, and the removals of those they left. They are SQL fragments of
// pull.ts's page query, which names the caller's towns `scope` and binds $1 (after), $2 (limit), $4 (user id).
//
// The caller's inspections outside their towns (`outside`) are found by one range scan of
// participants (user, town) per gap between the caller's towns, so only those are read, however
// many inspections of their own towns they took part in. Each brings its row and its
// enterprise's by key, and its findings by one bounded range of (inspectionId, version): the work
// is at most (outside inspections + 1) × limit rows. A row that the town scans send too (their
// data disagreeing) is hidden. An exit of a record the caller still sees (their towns, or an
// inspection they take part in) is hidden, and so is a scope exit of a record they take part in.

/**
 * True when the caller takes part in the record of exit `x` (its inspection's officer). OFFSET 0
 * keeps each EXISTS a key lookup per exit: the planner may otherwise hash the whole table once.
 */
export const participates = (x: string) => `CASE ${x}.entity
    WHEN 'inspection' THEN EXISTS (SELECT 1 FROM participants p
      WHERE p.inspection_id = ${x}.id AND p.user_id = $4::uuid OFFSET 0)
    WHEN 'enterprise' THEN EXISTS (SELECT 1 FROM participants p
      WHERE p.enterprise_id = ${x}.id AND p.user_id = $4::uuid OFFSET 0)
    WHEN 'finding' THEN EXISTS (SELECT 1 FROM records f JOIN participants p
      ON p.inspection_id = (f.data->>'inspectionId')::uuid AND p.user_id = $4::uuid
      WHERE f.entity = 'finding' AND f.id = ${x}.id OFFSET 0)
    WHEN 'document' THEN EXISTS (SELECT 1 FROM records f JOIN participants p
      ON p.inspection_id = (f.data->>'inspectionId')::uuid AND p.user_id = $4::uuid
      WHERE f.entity = 'document' AND f.id = ${x}.id OFFSET 0)
    ELSE false END`;

/** Whether `town` is one of the caller's. */
export const inScope = (town: string) => `coalesce(${town} IN (SELECT town FROM scope), false)`;

// OFFSET 0 keeps each lateral subquery a scan per outer row (an index range or a key lookup):
// pulled up into a join, the planner, without statistics, read every row and filtered.
export const outsideCte = `
  outside AS MATERIALIZED (
    SELECT p.inspection_id, p.enterprise_id
    FROM (SELECT lag(town, 1, '') OVER (ORDER BY town) AS lo, town AS hi FROM scope) AS gap
    CROSS JOIN LATERAL (SELECT inspection_id, enterprise_id FROM participants
      WHERE user_id = $4::uuid AND town > gap.lo AND town < gap.hi OFFSET 0) AS p
    UNION ALL
    (SELECT inspection_id, enterprise_id FROM participants
     WHERE user_id = $4::uuid AND town > (SELECT coalesce(max(town), '') FROM scope))),`;

/**
 * Whether any of these parts can send anything: the caller takes part in an inspection outside
 * their towns, or left one since `after`. When not, they are left out of the page query (which
 * then plans in a fraction of the time), and so is `participates` (it can only be true for a
 * record outside the caller's towns, through an inspection outside them).
 */
export const takesPartOutside = `(EXISTS (SELECT 1 FROM outside)
  OR EXISTS (SELECT 1 FROM participant_exits WHERE user_id = $4::uuid AND version > $1))`;

export const participantRows = `
  (SELECT r.entity, r.id, r.version, r.data, false, ${inScope('r.town')}
     FROM (SELECT DISTINCT inspection_id FROM outside) AS o
     CROSS JOIN LATERAL (SELECT entity, id, version, data, town FROM records
       WHERE entity = 'inspection' AND id = o.inspection_id AND version > $1 OFFSET 0) AS r)
  UNION ALL
  (SELECT r.entity, r.id, r.version, r.data, false, ${inScope('r.town')}
     FROM (SELECT DISTINCT enterprise_id FROM outside) AS o
     CROSS JOIN LATERAL (SELECT entity, id, version, data, town FROM records
       WHERE entity = 'enterprise' AND id = o.enterprise_id AND version > $1 OFFSET 0) AS r)
  UNION ALL
  (SELECT f.entity, f.id, f.version, f.data, false, ${inScope('f.town')}
     FROM (SELECT DISTINCT inspection_id FROM outside) AS o
     CROSS JOIN LATERAL (SELECT entity, id, version, data, town FROM records
       WHERE entity IN ('finding', 'document') AND data->>'inspectionId' = o.inspection_id::text
         AND version > $1 ORDER BY version LIMIT $2) AS f)
  UNION ALL
  (SELECT x.entity, x.id, x.version, NULL::jsonb, true, ${inScope('r.town')} OR ${participates('x')}
     FROM (SELECT entity, id, version FROM participant_exits
       WHERE user_id = $4::uuid AND version > $1 ORDER BY version LIMIT $2) AS x
     LEFT JOIN LATERAL (SELECT town FROM records
       WHERE records.entity = x.entity AND records.id = x.id OFFSET 0) AS r ON true)`;
