// Migration 16: an enterprise has units (GB 18218-2018 grades each on its own). Each stored
// enterprise's flat `chemicals` list becomes one unit holding the same chemicals, exactly as
// domain/rules/enterprise-units.ts makes it on a device (Dexie 14) and from an old payload, so
// the record stays equal to every copy of it: its version is not raised, and devices need not
// pull it again. The field's change version and device move from `chemicals` to `units`, so a
// device's edit from an earlier base is merged and checked for conflicts as before.
//
// History rows keep the shape they were written in: they are the record of what was stored, and
// by whom. The one reader that takes field values from them (a push's base values, history.ts)
// reads an old `chemicals` as its unit. Open conflicts over `chemicals` become conflicts over
// `units` (their values converted), so that keeping a losing value still fits the record;
// settled conflicts stay as they were logged.

/** SQL for the units that the chemicals list `list` (a jsonb array) becomes. */
const unitsOf = (list: string) => `jsonb_build_array(jsonb_build_object(
  'kind', 'other',
  'name', '全厂',
  'holdings', coalesce((
    SELECT jsonb_agg(jsonb_build_object(
      'name', c->'name', 'cas', c->'cas', 'classes', '[]'::jsonb, 'maxQuantityT', c->'maxQuantityT'
    ) ORDER BY n)
    FROM jsonb_array_elements(${list}) WITH ORDINALITY AS h(c, n)), '[]'::jsonb)))`;

/** The field map `map` (versions or devices) with its `chemicals` entry renamed `units`. */
const renamed = (map: string) => `CASE WHEN ${map} ? 'chemicals'
  THEN (${map} - 'chemicals') || jsonb_build_object('units', ${map}->'chemicals')
  ELSE ${map} END`;

export const enterpriseUnitsMigration = {
  version: 16,
  name: 'enterprise units: each enterprise’s chemicals become one unit',
  sql: [
    `UPDATE records SET
       data = (data - 'chemicals') || jsonb_build_object('units', ${unitsOf(`data->'chemicals'`)}),
       field_versions = ${renamed('field_versions')},
       field_devices = ${renamed('field_devices')}
     WHERE entity = 'enterprise' AND data ? 'chemicals' AND NOT data ? 'units'
       AND jsonb_typeof(data->'chemicals') = 'array'`,
    `UPDATE conflicts SET
       field = 'units',
       kept_value = CASE WHEN jsonb_typeof(kept_value) = 'array'
         THEN ${unitsOf('kept_value')} ELSE kept_value END,
       losing_value = CASE WHEN jsonb_typeof(losing_value) = 'array'
         THEN ${unitsOf('losing_value')} ELSE losing_value END
     WHERE entity = 'enterprise' AND field = 'chemicals' AND resolved_at IS NULL`,
  ],
};
