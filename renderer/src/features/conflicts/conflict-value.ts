// How a conflicting field's value is shown: text as it is, numbers and flags as words, and
// structured values (lists, objects) as indented JSON so that two versions can be compared.

export type ShownValue =
  { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'json'; text: string };

export function shownValue(value: unknown): ShownValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'text', text: String(value) };
  }
  if (Array.isArray(value) && value.length === 0) return { kind: 'empty' };
  return { kind: 'json', text: JSON.stringify(value, null, 2) };
}
