import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanonicalValue } from '../../../../domain/rules/canonical-json';
import {
  canonicalHash,
  canonicalJson,
  canonicalSet,
} from '../../../../domain/rules/canonical-json';
import { seededRandom } from '../../../../domain/rules/seeded-random';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: { d: 1, c: [3, 1, 2] }, a: '甲' })).toBe(
      '{"a":"甲","b":{"c":[3,1,2],"d":1}}',
    );
  });

  it('sorts keys by UTF-16 code units, not by locale', () => {
    expect(canonicalJson({ b: 1, B: 2, 乙: 3, 甲: 4, a: 5 })).toBe(
      '{"B":2,"a":5,"b":1,"乙":3,"甲":4}',
    );
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([0.1 + 0.2, 1e21, -0, 'a"\\\n'])).toBe(
      '[0.30000000000000004,1e+21,0,"a\\"\\\\\\n"]',
    );
  });

  it('leaves out properties whose value is undefined', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('refuses what JSON would turn into null', () => {
    expect(() => canonicalJson([1, NaN])).toThrow(RangeError);
    expect(() => canonicalJson({ a: Infinity })).toThrow(RangeError);
    expect(() => canonicalJson([undefined] as unknown as CanonicalValue)).toThrow(RangeError);
  });

  it('gives the text whose SHA-256 is the hash', () => {
    expect(canonicalHash({ b: { c: true }, a: [1, 'x', null] })).toBe(
      '038932932d9f36881391140ac309421b0bf0c001fc66458904c4c077b2bde713',
    );
  });

  it('reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = canonicalJson(value as CanonicalValue);
        expect(canonicalJson(JSON.parse(json))).toBe(json);
      }),
    );
  });
});

describe('canonicalSet', () => {
  const entry = fc.record({
    id: fc.integer({ min: 0, max: 20 }),
    name: fc.constantFrom('a', '乙'),
  });

  it('gives the same list whatever the order of the entries', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.nat(), (list, k) => {
        const reordered = seededRandom(String(k)).shuffled(list);
        expect(canonicalHash(canonicalSet(reordered))).toBe(canonicalHash(canonicalSet(list)));
      }),
    );
  });

  it('holds each entry once, and only the entries given', () => {
    const set = canonicalSet([{ id: 2 }, { id: 1 }, { id: 2 }]);
    expect(set).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('differs when an entry differs', () => {
    expect(canonicalHash(canonicalSet([{ id: 1, name: 'a' }]))).not.toBe(
      canonicalHash(canonicalSet([{ id: 1, name: 'b' }])),
    );
  });
});
