// The units of the enterprise form and the record's units they stand for. A holding is entered
// either as a Table 1 substance (a row of the table, or a CAS that Table 1 splits without the
// variant stated) or by its hazard classes as its data sheet gives them, with an optional CAS; what
// the form does not edit (a mixture, process conditions) is kept as recorded. Numbers may be left
// empty while typing; the schema names what is missing.
import { matchCasOf } from '../../../../../domain/data/gb18218-table-checks';
import type { Gb18218Table } from '../../../../../domain/data/gb18218-table';
import type {
  ExposureRoute,
  GhsClass,
  GhsClassification,
  PhysicalState,
} from '../../../../../domain/data/ghs-hazard-classes';
import {
  exposureRoutes,
  ghsCategories,
  ghsClasses,
} from '../../../../../domain/data/ghs-hazard-classes';
import type { NameLanguage } from '../../../../../domain/data/ghs-class-names';
import { ghsClassificationName } from '../../../../../domain/data/ghs-class-names';
import { indexOf } from '../../../../../domain/rules/gb18218-index';
import { gradeUnit } from '../../../../../domain/rules/gb18218-unit';
import type { UnitGrading } from '../../../../../domain/rules/gb18218-working';
import type { HazardUnit, UnitHolding, UnitKind } from '../../../../../domain/schemas/hazard-unit';
import { hazardUnitInputSchema } from '../../../../../domain/schemas/enterprise';

export type HoldingSource = 'table1' | 'classes';

export interface HoldingFormValues {
  source: HoldingSource;
  name: string;
  /** A Table 1 row's id, or `cas:<CAS>` for a CAS Table 1 splits, its variant not stated. */
  table1: string | undefined;
  /** The CAS typed for a holding by hazard class; for a Table 1 one, the CAS recorded. */
  cas: string;
  /** Each as classificationKey writes it. */
  classes: string[];
  physicalState: PhysicalState | undefined;
  boilingPointC: number | null;
  maxQuantityT: number | null;
  /** What the form does not edit, kept as recorded. */
  kept: Pick<UnitHolding, 'mixture' | 'conditions'>;
}

export interface UnitFormValues {
  kind: UnitKind;
  name: string;
  lon: number | null;
  lat: number | null;
  peopleWithin500m: number | null;
  holdings: HoldingFormValues[];
}

export const blankUnit = (): UnitFormValues => ({
  kind: 'productionUnit',
  name: '',
  lon: null,
  lat: null,
  peopleWithin500m: null,
  holdings: [],
});

export const blankHolding = (source: HoldingSource = 'table1'): HoldingFormValues => ({
  source,
  name: '',
  table1: undefined,
  cas: '',
  classes: [],
  physicalState: undefined,
  boilingPointC: null,
  maxQuantityT: null,
  kept: {},
});

const CAS_CHOICE = 'cas:';

/** A classification as one select value: class|category|route. */
export const classificationKey = (c: GhsClassification) =>
  [c.class, c.category, c.route ?? ''].join('|');

export function classificationOfKey(key: string): GhsClassification | null {
  const [cls, category, route] = key.split('|');
  if (!cls || !category || !(ghsClasses as readonly string[]).includes(cls)) return null;
  return {
    class: cls as GhsClass,
    category,
    ...(route ? { route: route as ExposureRoute } : {}),
  };
}

/** Every class and category a data sheet may name, acute toxicity once per route. */
export function classificationOptions(language: NameLanguage) {
  return ghsClasses.flatMap((cls) =>
    (ghsCategories[cls] as readonly string[]).flatMap((category) => {
      const routes = cls === 'acuteToxicity' ? exposureRoutes : [undefined];
      return routes.map((route) => {
        const c: GhsClassification = { class: cls, category, ...(route ? { route } : {}) };
        return { value: classificationKey(c), label: ghsClassificationName(c, language) };
      });
    }),
  );
}

/** Table 1 as options searchable by name, alias or CAS; a split CAS also offers "not stated". */
export function table1Options(table: Gb18218Table, language: NameLanguage, unstated: string) {
  const index = indexOf(table);
  const name = (r: { nameZh: string; nameEn: string }) => (language === 'zh' ? r.nameZh : r.nameEn);
  const rows = table.table1.map((r) => ({
    value: r.id,
    name: name(r),
    label: r.cas
      ? language === 'zh'
        ? `${name(r)}（${r.cas}）`
        : `${name(r)} (${r.cas})`
      : name(r),
    search: [r.nameZh, r.nameEn, ...(r.aliasesZh ?? []), ...matchCasOf(r)].join(' '),
  }));
  const split = [...index.table1ByCas].flatMap(([cas, list]) => {
    const first = list[0];
    if (list.length < 2 || !first || first.cas !== cas) return [];
    return [
      {
        value: `${CAS_CHOICE}${cas}`,
        name: name(first),
        label: language === 'zh' ? `${cas}：${unstated}` : `${cas}: ${unstated}`,
        search: [cas, ...list.flatMap((r) => [r.nameZh, r.nameEn])].join(' '),
      },
    ];
  });
  return [...rows, ...split];
}

const noClassFacts = (h: UnitHolding) =>
  h.classes.length === 0 && h.physicalState === undefined && h.boilingPointC === undefined;

/** The Table 1 choice a holding makes, or undefined when it is one by hazard class. */
function table1Choice(h: UnitHolding, table: Gb18218Table): string | undefined {
  const index = indexOf(table);
  if (h.table1RowId !== undefined) return h.table1RowId;
  if (h.cas === undefined || !noClassFacts(h)) return undefined;
  const rows = index.table1ByCas.get(h.cas);
  if (!rows) return undefined;
  const named = rows.find((r) => r.variant === h.variant);
  if (rows.length === 1 && h.variant === undefined) return rows[0]?.id;
  if (named && h.variant !== undefined) return named.id;
  return h.variant === undefined ? `${CAS_CHOICE}${h.cas}` : undefined;
}

export function holdingValuesOf(h: UnitHolding, table: Gb18218Table): HoldingFormValues {
  const kept = {
    ...(h.mixture ? { mixture: h.mixture } : {}),
    ...(h.conditions ? { conditions: h.conditions } : {}),
  };
  const table1 = table1Choice(h, table);
  return {
    source: table1 === undefined ? 'classes' : 'table1',
    name: h.name,
    table1,
    cas: h.cas ?? '',
    classes: h.classes.map(classificationKey),
    physicalState: h.physicalState,
    boilingPointC: h.boilingPointC ?? null,
    maxQuantityT: h.maxQuantityT,
    kept,
  };
}

export function unitValuesOf(u: HazardUnit, table: Gb18218Table): UnitFormValues {
  return {
    kind: u.kind,
    name: u.name,
    lon: u.position?.lon ?? null,
    lat: u.position?.lat ?? null,
    peopleWithin500m: u.peopleWithin500m ?? null,
    holdings: u.holdings.map((h) => holdingValuesOf(h, table)),
  };
}

/** The Table 1 fields a choice stands for, keeping a recorded CAS the row is matched by. */
function table1Fields(
  choice: string | undefined,
  recordedCas: string,
  table: Gb18218Table,
): Pick<UnitHolding, 'cas' | 'variant' | 'table1RowId'> {
  if (choice === undefined) return {};
  if (choice.startsWith(CAS_CHOICE)) return { cas: choice.slice(CAS_CHOICE.length) };
  const index = indexOf(table);
  const row = index.table1ById.get(choice);
  if (!row) return { table1RowId: choice };
  if (row.cas === null) return { table1RowId: row.id };
  const cas = matchCasOf(row).includes(recordedCas.trim()) ? recordedCas.trim() : row.cas;
  return { cas, ...(row.variant === undefined ? {} : { variant: row.variant }) };
}

/** The holding the values say, for the schema to judge (an empty number is NaN, "required"). */
export function holdingOf(v: HoldingFormValues, table: Gb18218Table): Record<string, unknown> {
  const common = {
    name: v.name ?? '',
    maxQuantityT: v.maxQuantityT ?? NaN,
    ...(v.kept ?? {}),
  };
  if (v.source === 'table1') {
    return { ...common, ...table1Fields(v.table1, v.cas ?? '', table), classes: [] };
  }
  const cas = (v.cas ?? '').trim();
  return {
    ...common,
    ...(cas === '' ? {} : { cas }),
    classes: (v.classes ?? []).flatMap((k) => {
      const c = classificationOfKey(k);
      return c ? [c] : [];
    }),
    ...(v.physicalState ? { physicalState: v.physicalState } : {}),
    ...(v.boilingPointC === null || v.boilingPointC === undefined
      ? {}
      : { boilingPointC: v.boilingPointC }),
  };
}

export type UnitProblem = { name: (string | number)[]; code: string };

/** The unit the values say, and the problems the schema cannot name (half a position). */
export function unitOf(
  v: UnitFormValues,
  table: Gb18218Table,
): { unit: Record<string, unknown>; problems: UnitProblem[] } {
  const problems: UnitProblem[] = [];
  const lon = v.lon ?? null;
  const lat = v.lat ?? null;
  if ((lon === null) !== (lat === null)) {
    problems.push({ name: [lon === null ? 'lon' : 'lat'], code: 'unit.positionHalf' });
  }
  const unit = {
    kind: v.kind,
    name: v.name ?? '',
    ...(lon !== null && lat !== null ? { position: { lat, lon } } : {}),
    ...(v.peopleWithin500m === null || v.peopleWithin500m === undefined
      ? {}
      : { peopleWithin500m: v.peopleWithin500m }),
    holdings: (v.holdings ?? []).map((h) => holdingOf(h, table)),
  };
  return { unit, problems };
}

/**
 * The form field a schema issue of a unit belongs to: ['units', 0, 'holdings', 2, 'cas'] of a
 * Table 1 holding is its substance choice.
 */
export function unitFieldOf(
  path: readonly (string | number)[],
  units: readonly UnitFormValues[],
): (string | number)[] {
  const [, u, part, h, field] = path;
  if (typeof u !== 'number') return [...path];
  if (part === 'position') return ['units', u, 'lat'];
  if (part !== 'holdings' || typeof h !== 'number' || field === undefined) return [...path];
  const holding = units[u]?.holdings[h];
  const base = ['units', u, 'holdings', h];
  // An unidentified Table 1 holding lacks its choice, one by class its classes.
  if (field === 'classes') return [...base, holding?.source === 'table1' ? 'table1' : 'classes'];
  if (field === 'boilingPoint' || field === 'boilingPointC') return [...base, 'boilingPointC'];
  if (field === 'mixture' || field === 'conditions') return [...base, 'name'];
  if (['cas', 'variant', 'table1RowId'].includes(String(field))) {
    return [...base, holding?.source === 'table1' ? 'table1' : 'cas'];
  }
  return [...base, field];
}

export type UnitPreview = { ok: true; grading: UnitGrading } | { ok: false };

/** How the unit would be graded as entered, or nothing while it is not yet a unit the schema takes. */
export function previewUnit(
  v: UnitFormValues | undefined,
  enterprisePeople: number | null | undefined,
  table: Gb18218Table,
): UnitPreview {
  if (!v) return { ok: false };
  const { unit, problems } = unitOf(v, table);
  const parsed = hazardUnitInputSchema.safeParse(unit);
  if (!parsed.success || problems.length > 0) return { ok: false };
  const people = parsed.data.peopleWithin500m ?? enterprisePeople;
  if (people === null || people === undefined || !Number.isInteger(people) || people < 0) {
    return { ok: false };
  }
  return { ok: true, grading: gradeUnit(parsed.data, { peopleWithin500m: people }, table) };
}
