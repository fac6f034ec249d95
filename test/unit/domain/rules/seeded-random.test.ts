import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../domain/rules/seeded-random';

/** The stream as documented, computed with Node's SHA-256 instead of the module's own. */
function documentedStream(key: string, words: number): number[] {
  const k = createHash('sha256').update(key, 'utf8').digest();
  const out: number[] = [];
  for (let i = 0; out.length < words; i++) {
    const message = Buffer.alloc(36);
    k.copy(message);
    message.writeUInt32BE(i, 32);
    const block = createHash('sha256').update(message).digest();
    for (let w = 0; w < 8; w++) out.push(block.readUInt32BE(4 * w));
  }
  return out.slice(0, words);
}

describe('seededRandom', () => {
  it('is SHA-256 in counter mode as documented (fixed vector for the key "fi-draw test")', () => {
    const random = seededRandom('fi-draw test');
    const words = Array.from({ length: 10 }, () => random.nextUint32());
    expect(words).toEqual([
      3990117755, 1014779955, 240321021, 3502109106, 2929877720, 3238751513, 966501511, 1122110190,
      2030517005, 905837239,
    ]);
  });

  it('gives the documented stream for any key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (key) => {
        const random = seededRandom(key);
        const words = Array.from({ length: 20 }, () => random.nextUint32());
        expect(words).toEqual(documentedStream(key, 20));
      }),
      { numRuns: 50 },
    );
  });

  it('gives integers in [0, n) for any n up to 2³²', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 2 ** 32 }), (key, n) => {
        const value = seededRandom(key).below(n);
        expect(Number.isInteger(value) && value >= 0 && value < n).toBe(true);
      }),
    );
    expect(() => seededRandom('x').below(0)).toThrow(RangeError);
    expect(() => seededRandom('x').below(1.5)).toThrow(RangeError);
  });

  it('gives each value of a small range about equally often', () => {
    const random = seededRandom('uniform');
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[random.below(6)]!++;
    // 10 000 expected each; the standard deviation is about 91, so ±500 is more than 5σ.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('has no modulo bias: it rejects the words beyond the last whole multiple of n', () => {
    // For n = 3 × 2³⁰, a plain modulo of a 32-bit word would land under 2³⁰ half the time (the
    // top quarter of words wraps onto it); uniformly it is a third of the time.
    const n = 3 * 2 ** 30;
    let low = 0;
    for (let k = 0; k < 4_000; k++) if (seededRandom(`bias ${k}`).below(n) < 2 ** 30) low++;
    // σ of the share is about 0.0075 over 4 000 draws.
    expect(low / 4_000).toBeGreaterThan(0.3);
    expect(low / 4_000).toBeLessThan(0.37);
  });

  it('picks distinct entries of the list, as many as asked or all of them', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.uniqueArray(fc.integer(), { maxLength: 40 }),
        fc.nat({ max: 50 }),
        (key, list, count) => {
          const picked = seededRandom(key).pick(list, count);
          expect(picked).toHaveLength(Math.min(count, list.length));
          expect(new Set(picked).size).toBe(picked.length);
          for (const p of picked) expect(list).toContain(p);
        },
      ),
    );
  });

  it('shuffles into every order about equally often', () => {
    const counts = new Map<string, number>();
    for (let k = 0; k < 24_000; k++) {
      const order = seededRandom(`shuffle ${k}`).shuffled(['a', 'b', 'c']).join('');
      counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    // 4 000 expected each, σ about 58. A naive shuffle (every place swapped with any) gives
    // orders 4/27 and 5/27 of the time, about 3 556 and 4 444.
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(Math.abs(c - 4_000)).toBeLessThan(250);
  });

  it('gives the same numbers for the same key, and others for another key', () => {
    const a = seededRandom('2026-Q1 seed');
    const b = seededRandom('2026-Q1 seed');
    const c = seededRandom('2026-Q2 seed');
    const take = (r: ReturnType<typeof seededRandom>) =>
      Array.from({ length: 50 }, () => r.below(1000));
    const first = take(a);
    expect(take(b)).toEqual(first);
    expect(take(c)).not.toEqual(first);
  });
});
