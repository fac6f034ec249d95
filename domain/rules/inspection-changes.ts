// What an amendment of a submitted inspection changed, field by field, before and after as
// readable text: the history shows it without the record's earlier versions, and the server
// checks that an amendment names exactly the fields its change makes.
import type { AmendmentChange, Inspection } from '../schemas/inspection';

/** Longest text the amendment schema keeps for a value (amendmentChangeSchema). */
const MAX_TEXT = 4000;

/** Structural equality of JSON-like values; a key holding `undefined` equals a missing key. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  return [...keys].every((k) => sameValue(ao[k], bo[k]));
}

/** Cuts text to the schema's limit without splitting a character written as two code units. */
function clip(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const cut = text.slice(0, MAX_TEXT - 1);
  const last = cut.charCodeAt(cut.length - 1);
  return `${last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut}…`;
}

type ItemResult = Inspection['itemResults'][number];

const answer = (r: ItemResult | undefined) =>
  r === undefined ? '' : `${r.itemId}: ${r.result}${r.note === '' ? '' : ` (${r.note})`}`;

/** The checklist answers that differ, one line each, as they were and as they are. */
function itemResultTexts(previous: Inspection, next: Inspection): [string, string] {
  const before = new Map(previous.itemResults.map((r) => [r.itemId, r]));
  const after = new Map(next.itemResults.map((r) => [r.itemId, r]));
  const ids = [...new Set([...after.keys(), ...before.keys()])].filter(
    (id) => !sameValue(before.get(id), after.get(id)),
  );
  return [
    ids.map((id) => answer(before.get(id))).join('\n'),
    ids.map((id) => answer(after.get(id))).join('\n'),
  ];
}

/** A content field's value as the history keeps it: names and codes, ids as they are. */
function readable(inspection: Inspection, field: Exclude<ChangeField, 'itemResults'>): string {
  switch (field) {
    case 'templateVersion':
      return String(inspection.templateVersion);
    case 'templateRefs':
      return (inspection.templateRefs ?? []).map((r) => `${r.id}@${r.version}`).join(', ');
    case 'agencyIds':
    case 'coInspectorIds':
      return inspection[field].join(', ');
    case 'finishedAt':
      return inspection.finishedAt ?? '';
    case 'location': {
      const l = inspection.location;
      if (l === null) return '';
      return `${l.lat}, ${l.lon}${l.accuracyM === null ? '' : ` ±${l.accuracyM} m`}`;
    }
    case 'enterpriseRep': {
      const rep = inspection.enterpriseRep;
      if (rep === null) return '';
      return rep.title === '' ? rep.name : `${rep.name}, ${rep.title}`;
    }
    case 'signatures':
      return inspection.signatures.map((s) => `${s.name} (${s.role})`).join(', ');
    case 'refusedToSign':
      return inspection.refusedToSign?.reason ?? '';
    default:
      return inspection[field];
  }
}

/** The fields whose changes are listed (the inspection's content: amendment.ts). */
type ChangeField =
  | 'enterpriseId'
  | 'templateId'
  | 'templateVersion'
  | 'templateRefs'
  | 'kind'
  | 'agencyIds'
  | 'leadInspectorId'
  | 'coInspectorIds'
  | 'startedAt'
  | 'finishedAt'
  | 'location'
  | 'itemResults'
  | 'enterpriseRep'
  | 'signatures'
  | 'refusedToSign';

/** Each of `fields` that differs between the two records, before and after as readable text. */
export function inspectionChanges(
  previous: Inspection,
  next: Inspection,
  fields: readonly ChangeField[],
): AmendmentChange[] {
  return fields
    .filter((field) => !sameValue(previous[field], next[field]))
    .map((field) => {
      const [before, after] =
        field === 'itemResults'
          ? itemResultTexts(previous, next)
          : [readable(previous, field), readable(next, field)];
      return { field, before: clip(before), after: clip(after) };
    });
}
