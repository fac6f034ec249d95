// Deterministic randomness, identifiers and clock arithmetic for the demo district: the same
// labels and the same `now` always give the same records, byte for byte.

export type Rng = () => number;

/** mulberry32: a small, fast 32-bit PRNG; good enough for demo data, never for secrets. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One independent stream per label (FNV-1a of the label as seed), so that adding records to one
 * part of the district does not shift the ids or values of another.
 */
export function rngFor(label: string): Rng {
  let h = 0x811c9dc5;
  for (const ch of `field-inspector-demo/${label}`) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mulberry32(h);
}

/** An integer in [min, max]. */
export function intIn(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  if (list.length === 0) throw new RangeError('pick from an empty list');
  return list[Math.floor(rng() * list.length)] as T;
}

export function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function hex(rng: Rng, digits: number): string {
  let s = '';
  for (let i = 0; i < digits; i++) s += Math.floor(rng() * 16).toString(16);
  return s;
}

/** A UUIDv7-shaped id: 48-bit millisecond timestamp, version 7, RFC 4122 variant, PRNG bits. */
export function uuidV7(ms: number, rng: Rng): string {
  const ts = Math.floor(ms).toString(16).padStart(12, '0');
  const variant = (8 + Math.floor(rng() * 4)).toString(16);
  return (
    `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${hex(rng, 3)}-` +
    `${variant}${hex(rng, 3)}-${hex(rng, 12)}`
  );
}

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** The district keeps China Standard Time (UTC+8, no daylight saving). */
const CST_OFFSET = 8 * HOUR;

/** Calendar arithmetic in the district's time zone, anchored at `now`. */
export interface DistrictClock {
  nowMs: number;
  /** The instant of local time hh:mm, `daysAgo` calendar days before today. */
  at(daysAgo: number, hour: number, minute: number): number;
  /** The local calendar date of an instant, YYYY-MM-DD. */
  dateOf(ms: number): string;
  /** The local calendar date `days` after the date of `ms`. */
  dateAfter(ms: number, days: number): string;
  /** Today's local date. */
  today: string;
}

export function districtClock(now: Date): DistrictClock {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now is not a valid date');
  const local = new Date(nowMs + CST_OFFSET);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  const dateOf = (ms: number) => new Date(ms + CST_OFFSET).toISOString().slice(0, 10);
  return {
    nowMs,
    at: (daysAgo, hour, minute) => Date.UTC(y, m, d - daysAgo, hour, minute) - CST_OFFSET,
    dateOf,
    dateAfter: (ms, days) => dateOf(ms + days * DAY),
    today: dateOf(nowMs),
  };
}

/** A fixed instant given in local time (for records whose ids must not depend on `now`). */
export function localInstant(date: string, hour = 9, minute = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, hour, minute) - CST_OFFSET;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
