// The enterprise record before and after it had units: records, outbox rows and payloads written
// with a flat `chemicals` list (schema of migration 13 and Dexie 13) become one unit holding what
// the list held. The server's migration 16 and the device's Dexie version 14 make the same unit,
// so that a record migrated on either side is equal to one migrated on the other (and a push of
// an old-shape record changes nothing it did not change).
import type { ChemicalHolding } from '../schemas/enterprise';
import type { HazardUnit } from '../schemas/hazard-unit';

/** The unit an enterprise's earlier chemicals list becomes: the whole site, of no stated kind. */
export const MIGRATED_UNIT = { kind: 'other', name: '全厂' } as const;

/** The one unit that holds what an old record's `chemicals` held, in the same order. */
export function unitsFromChemicals(chemicals: readonly ChemicalHolding[]): HazardUnit[] {
  return [
    {
      kind: MIGRATED_UNIT.kind,
      name: MIGRATED_UNIT.name,
      holdings: chemicals.map((c) => ({
        name: c.name,
        cas: c.cas,
        classes: [],
        maxQuantityT: c.maxQuantityT,
      })),
    },
  ];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An enterprise (or the changed fields of one) in today's shape: `chemicals` without `units`
 * becomes `units`; anything else is returned as it is, for the schema to judge (a list that is
 * not a list of chemicals is refused there, not guessed at here).
 */
export function upgradeEnterpriseShape(value: unknown): unknown {
  if (!isObject(value) || !Object.hasOwn(value, 'chemicals') || Object.hasOwn(value, 'units')) {
    return value;
  }
  const { chemicals, ...rest } = value;
  if (!Array.isArray(chemicals) || !chemicals.every(isChemical)) return value;
  return { ...rest, units: unitsFromChemicals(chemicals) };
}

function isChemical(value: unknown): value is ChemicalHolding {
  return (
    isObject(value) &&
    typeof value.name === 'string' &&
    typeof value.cas === 'string' &&
    typeof value.maxQuantityT === 'number'
  );
}

/** Every holding of every unit, in unit order: what the enterprise holds on its site. */
export function holdingsOf(enterprise: { units: readonly HazardUnit[] }) {
  return enterprise.units.flatMap((u) => u.holdings);
}

/**
 * Whether a unit's holdings are what the import file's 危险化学品 column can say: each a Table 1
 * substance by CAS with its quantity, nothing more.
 */
function sayableInColumn(h: HazardUnit['holdings'][number]): boolean {
  return (
    h.cas !== undefined &&
    h.table1RowId === undefined &&
    h.variant === undefined &&
    h.classes.length === 0 &&
    h.physicalState === undefined &&
    h.boilingPointC === undefined &&
    h.conditions === undefined &&
    h.mixture === undefined
  );
}

/** What the import file's 危险化学品 column shows of an enterprise: its holdings named by CAS. */
export function columnChemicals(enterprise: { units: readonly HazardUnit[] }): ChemicalHolding[] {
  return holdingsOf(enterprise).flatMap((h) =>
    h.cas === undefined ? [] : [{ name: h.name, cas: h.cas, maxQuantityT: h.maxQuantityT }],
  );
}

const sameChemicals = (a: readonly ChemicalHolding[], b: readonly ChemicalHolding[]) =>
  a.length === b.length &&
  a.every((c, i) => {
    const d = b[i];
    return (
      d !== undefined && c.name === d.name && c.cas === d.cas && c.maxQuantityT === d.maxQuantityT
    );
  });

/**
 * The units after an import row's 危险化学品 column: unchanged when the column says what the
 * record's export said, else the one unit's holdings become the column's list (a new enterprise
 * gets one unit). A record with several units, or holdings the column cannot say (by hazard
 * class, a variant, a mixture), is not rewritten from one flat list: `null`, for the import to
 * refuse the row rather than merge its units into one.
 */
export function unitsFromColumn(
  existing: { units: readonly HazardUnit[] } | undefined,
  chemicals: readonly ChemicalHolding[],
): HazardUnit[] | null {
  if (!existing) return unitsFromChemicals(chemicals);
  if (sameChemicals(columnChemicals(existing), chemicals)) return [...existing.units];
  if (!columnSaysUnits(existing)) return null;
  const [unit] = unitsFromChemicals(chemicals);
  const [only] = existing.units;
  return only === undefined ? [unit as HazardUnit] : [{ ...only, holdings: unit?.holdings ?? [] }];
}

/** Whether one flat list of chemicals can say an enterprise's units: at most one, by CAS only. */
export function columnSaysUnits(enterprise: { units: readonly HazardUnit[] }): boolean {
  const [only, ...others] = enterprise.units;
  return others.length === 0 && (only === undefined || only.holdings.every(sayableInColumn));
}
