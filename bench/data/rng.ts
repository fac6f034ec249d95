// Deterministic pseudo-random numbers for benchmark data: the same seed gives the same records in
// the server seeder, the anchor's loader and the browser pages.
export type Rng = () => number;

/** mulberry32: small, fast and good enough for spreading test data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function intIn(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/** A UUIDv7-shaped id: a time prefix that keeps ids ordered as made, and random bits. */
export function uuidFrom(rng: Rng, ms: number): string {
  const hex = (n: number, width: number) => Math.floor(n).toString(16).padStart(width, '0');
  const time = hex(ms, 12);
  const rand = (digits: number) =>
    Array.from({ length: digits }, () => hex(rng() * 16, 1)).join('');
  const variant = hex(8 + rng() * 4, 1);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand(3)}-${variant}${rand(3)}-${rand(12)}`;
}
