// Canonical JSON: one text for one value, so that its hash is the same on every device and
// server. Object keys are sorted; arrays keep their order (a list that is a set is sorted by the
// caller, see `canonicalSet`); numbers and strings are written as JSON.stringify writes them,
// which ECMAScript specifies to the character (shortest round-trip numbers, escapes).
import { sha256Hex } from './sha256';

/** A value canonical JSON can write: no undefined inside arrays, no NaN or Infinity. */
export type CanonicalValue =
  | null
  | boolean
  | number
  | string
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

// Keys are compared by UTF-16 code units (the default sort), which every engine does alike;
// localeCompare would depend on the engine's locale data.
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The canonical text of a value. Object properties whose value is undefined are left out (as
 * JSON.stringify does); an undefined array element or a number that is not finite throws, since
 * JSON would silently turn either into null and two different values would hash the same.
 */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    // -0 and 0 are written alike by JSON.stringify, as they should be.
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((item: CanonicalValue | undefined, i) => {
        if (item === undefined) throw new RangeError(`undefined at array index ${i}`);
        return canonicalJson(item);
      })
      .join(',')}]`;
  }
  const object = value as { readonly [key: string]: CanonicalValue | undefined };
  const keys = Object.keys(object)
    .filter((k) => object[k] !== undefined)
    .sort(byCodeUnits);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k] as CanonicalValue)}`).join(',')}}`;
}

/** SHA-256 (hex) of a value's canonical JSON in UTF-8. */
export function canonicalHash(value: CanonicalValue): string {
  return sha256Hex(canonicalJson(value));
}

/**
 * A list that means a set (the same entries in any order are the same list), in canonical form:
 * each entry's canonical text once, sorted by that text. Hash this rather than the list as given.
 */
export function canonicalSet<T extends CanonicalValue>(entries: readonly T[]): T[] {
  const byText = new Map<string, T>();
  for (const entry of entries) byText.set(canonicalJson(entry), entry);
  return [...byText.keys()].sort(byCodeUnits).map((text) => byText.get(text) as T);
}
