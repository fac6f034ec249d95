// The enterprise form's values and the record fields they stand for: milestones' done dates are
// calendar dates in the form and timestamps in the record; numbers may be left empty while typing.
// The values are checked with the same schema the server parses (enterpriseInputSchema), so each
// problem is named at its field before anything is sent. The units are edited as
// unit-form-values.ts says them.
import type { Gb18218Table } from '../../../../../domain/data/gb18218-table';
import { defaultGb18218Table } from '../../../../../domain/data/gb18218-table';
import { chinaDateOf } from '../../../../../domain/rules/calendar-date';
import type { Enterprise, EnterpriseInput, Track } from '../../../../../domain/schemas/enterprise';
import { enterpriseInputSchema } from '../../../../../domain/schemas/enterprise';
import type { UnitFormValues, UnitProblem } from './unit-form-values';
import { unitFieldOf, unitOf, unitValuesOf } from './unit-form-values';

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
  units: UnitFormValues[];
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
  units: [],
  trackMilestones: [],
});

export const valuesOf = (
  e: Enterprise,
  table: Gb18218Table = defaultGb18218Table,
): EnterpriseFormValues => ({
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
  units: e.units.map((u) => unitValuesOf(u, table)),
  trackMilestones: e.trackMilestones.map((m) => ({
    title: m.title,
    due: m.due,
    doneOn: m.doneAt ? chinaDateOf(m.doneAt) : '',
  })),
});

/** A done date as the record's timestamp: the day's start in the district's time. */
const doneAtOf = (date: string) => (date === '' ? null : `${date}T00:00:00.000+08:00`);

export type FormCheck =
  { ok: true; input: EnterpriseInput } | { ok: false; problems: UnitProblem[] };

/** A schema issue's message key: the schema's own, or what zod's own message stands for. */
function problemCode(issue: { code: string; message: string }): string {
  // A number left empty is missing, whatever zod calls it.
  if (issue.code === 'invalid_type') return 'required';
  if (/^[A-Za-z0-9.]+$/u.test(issue.message)) return issue.message;
  return issue.code === 'too_small' || issue.code === 'too_big' ? 'outOfRange' : 'invalid';
}

/** The values as the API's input, or each field's problem (its message key). */
export function checkValues(
  values: EnterpriseFormValues,
  table: Gb18218Table = defaultGb18218Table,
): FormCheck {
  const unitValues = values.units ?? [];
  const said = unitValues.map((u) => unitOf(u, table));
  const unitProblems = said.flatMap((s, i) =>
    s.problems.map((p) => ({ ...p, name: ['units', i, ...p.name] })),
  );
  const parsed = enterpriseInputSchema.safeParse({
    ...values,
    town: values.town ?? '',
    contacts: values.contacts ?? [],
    units: said.map((s) => s.unit),
    trackMilestones: (values.trackMilestones ?? []).map((m) => ({
      title: m.title,
      due: m.due,
      doneAt: doneAtOf(m.doneOn ?? ''),
    })),
  });
  if (parsed.success && unitProblems.length === 0) return { ok: true, input: parsed.data };
  const schemaProblems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        // The form names a milestone's done date doneOn, and a unit's fields its own way.
        const name =
          path[0] === 'units' && path.length > 1
            ? unitFieldOf(path, unitValues)
            : path.map((p) => (p === 'doneAt' ? 'doneOn' : p));
        return { name, code: problemCode(issue) };
      });
  return { ok: false, problems: [...unitProblems, ...schemaProblems] };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields a change touched, from the nested partial values the form reports, so that the
 * problem shown at each of them is cleared (a list of strings, such as a holding's classes, is one
 * field).
 */
export function changedFieldPaths(changed: unknown, prefix: (string | number)[] = []) {
  const paths: (string | number)[][] = [];
  if (Array.isArray(changed) && changed.some((v) => isRecord(v) || Array.isArray(v))) {
    changed.forEach((v, i) => {
      if (v !== undefined) paths.push(...changedFieldPaths(v, [...prefix, i]));
    });
  } else if (isRecord(changed)) {
    for (const [k, v] of Object.entries(changed))
      paths.push(...changedFieldPaths(v, [...prefix, k]));
  } else if (prefix.length > 0) paths.push(prefix);
  return paths;
}
