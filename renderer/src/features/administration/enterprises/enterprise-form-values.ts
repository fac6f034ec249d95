// The enterprise form's values and the record fields they stand for: milestones' done dates are
// calendar dates in the form and timestamps in the record; numbers may be left empty while typing.
// The values are checked with the same schema the server parses (enterpriseInputSchema), so each
// problem is named at its field before anything is sent. The chemicals list is the one unit's
// holdings (as in the import file's column); an enterprise with several units, or holdings named
// by hazard class, keeps its units as they are (unitsFromColumn).
import { chinaDateOf } from '../../../../../domain/rules/calendar-date';
import type { Enterprise, EnterpriseInput, Track } from '../../../../../domain/schemas/enterprise';
import { enterpriseInputSchema } from '../../../../../domain/schemas/enterprise';
import {
  columnChemicals,
  columnSaysUnits,
  unitsFromColumn,
} from '../../../../../domain/rules/enterprise-units';

export interface EnterpriseFormValues {
  name: string;
  creditCode: string;
  address: string;
  town: string | undefined;
  lat: number | null;
  lon: number | null;
  industry: string;
  peopleWithin500m: number | null;
  track: Track;
  contacts: { name: string; title: string; phone: string }[];
  chemicals: { name: string; cas: string; maxQuantityT: number | null }[];
  trackMilestones: { title: string; due: string; doneOn: string }[];
}

export const emptyValues = (): EnterpriseFormValues => ({
  name: '',
  creditCode: '',
  address: '',
  town: undefined,
  lat: null,
  lon: null,
  industry: '',
  peopleWithin500m: null,
  track: 'unassigned',
  contacts: [],
  chemicals: [],
  trackMilestones: [],
});

export const valuesOf = (e: Enterprise): EnterpriseFormValues => ({
  name: e.name,
  creditCode: e.creditCode,
  address: e.address,
  town: e.town,
  lat: e.lat,
  lon: e.lon,
  industry: e.industry,
  peopleWithin500m: e.peopleWithin500m,
  track: e.track,
  contacts: e.contacts.map((c) => ({ ...c })),
  chemicals: columnChemicals(e).map((c) => ({ ...c })),
  trackMilestones: e.trackMilestones.map((m) => ({
    title: m.title,
    due: m.due,
    doneOn: m.doneAt ? chinaDateOf(m.doneAt) : '',
  })),
});

/** A done date as the record's timestamp: the day's start in the district's time. */
const doneAtOf = (date: string) => (date === '' ? null : `${date}T00:00:00.000+08:00`);

export type FormCheck =
  | { ok: true; input: EnterpriseInput }
  | { ok: false; problems: { name: (string | number)[]; code: string }[] };

/** Whether the form's chemicals list can edit the enterprise's units (one unit, by CAS). */
export function chemicalsEditable(e: Enterprise | undefined): boolean {
  return e === undefined || columnSaysUnits(e);
}

/** A problem of a holding of the one unit, named at its line of the chemicals list. */
function formPath(path: (string | number)[]): (string | number)[] {
  const [field, , list, ...rest] = path;
  if (field === 'units' && list === 'holdings') return ['chemicals', ...rest];
  return path;
}

/**
 * The values as the API's input, or each field's problem (its message key). `existing` is the
 * record being edited: its units are kept where the chemicals list cannot say them.
 */
export function checkValues(values: EnterpriseFormValues, existing?: Enterprise): FormCheck {
  const chemicals = (values.chemicals ?? []).map((c) => ({
    ...c,
    maxQuantityT: c.maxQuantityT ?? NaN,
  }));
  const units = unitsFromColumn(existing, chemicals);
  if (units === null) {
    return { ok: false, problems: [{ name: ['chemicals'], code: 'chemicals.unitsOnForm' }] };
  }
  // The list is said as units: the API takes no `chemicals` beside them.
  const rest: Partial<EnterpriseFormValues> = { ...values };
  delete rest.chemicals;
  const parsed = enterpriseInputSchema.safeParse({
    ...rest,
    town: values.town ?? '',
    contacts: values.contacts ?? [],
    units,
    trackMilestones: (values.trackMilestones ?? []).map((m) => ({
      title: m.title,
      due: m.due,
      doneAt: doneAtOf(m.doneOn ?? ''),
    })),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      // The form names a milestone's done date doneOn.
      const name = formPath(path).map((p) => (p === 'doneAt' ? 'doneOn' : p));
      // A number left empty is missing, whatever zod calls it.
      return { name, code: issue.code === 'invalid_type' ? 'required' : issue.message };
    }),
  };
}
