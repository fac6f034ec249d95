// Calendar dates (YYYY-MM-DD) and months (YYYY-MM) as the district lives them: in China
// Standard Time. Deadlines are whole days, so their arithmetic is done on day numbers from the
// civil calendar, never on `Date` objects whose local time zone would shift a day at midnight.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** China has kept UTC+8 all year since 1991 (no daylight saving), so a fixed offset is exact. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

interface Civil {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseDate(date: string): Civil | null {
  const m = DATE_PATTERN.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Year 0 does not exist in the proleptic Gregorian calendar that ISO 8601 dates use here.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

function requireDate(date: string): Civil {
  const civil = parseDate(date);
  if (!civil) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return civil;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function format({ year, month, day }: Civil): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Days since 1970-01-01 from a civil date and back (H. Hinnant's algorithms): exact for every
// Gregorian date, with no dependence on the host's time zone.
function toDayNumber({ year, month, day }: Civil): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function fromDayNumber(n: number): Civil {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) throw new RangeError(`date out of range: year ${year}`);
  return { year, month, day };
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  return parseDate(value) !== null;
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return format(fromDayNumber(toDayNumber(requireDate(date)) + days));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(requireDate(to)) - toDayNumber(requireDate(from));
}

/**
 * The same day `months` months later, clamped to the month's end (2026-01-31 + 1 → 2026-02-28),
 * as people count "within three months".
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`not a whole number of months: ${months}`);
  const { year, month, day } = requireDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 1 || y > 9999) throw new RangeError(`date out of range: year ${y}`);
  return format({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** The month (YYYY-MM) a date falls in. */
export function monthOf(date: string): string {
  return format(requireDate(date)).slice(0, 7);
}

/** Every month from `from` to `to` inclusive (YYYY-MM), in order; empty when `to` is earlier. */
export function monthsBetween(from: string, to: string): string[] {
  for (const month of [from, to]) {
    if (!MONTH_PATTERN.test(month) || !isCalendarDate(`${month}-01`)) {
      throw new RangeError(`not a month (YYYY-MM): ${month}`);
    }
  }
  const out: string[] = [];
  for (let d = `${from}-01`; d.slice(0, 7) <= to; d = addMonths(d, 1)) out.push(d.slice(0, 7));
  return out;
}

/** The `count` months ending with the month of `today`, oldest first (a dashboard's axis). */
export function monthsEndingAt(today: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`bad month count: ${count}`);
  return monthsBetween(monthOf(addMonths(today, -(count - 1))), monthOf(today));
}

/** The calendar date in China at the instant `now`, whatever the device's time zone. */
export function todayInChina(now: Date): string {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return format(fromDayNumber(Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS)));
}

/**
 * The calendar date in China of an ISO 8601 timestamp with offset (e.g. `verifiedAt`): a
 * re-inspection at 2026-03-01T01:00+08:00 happened on 1 March even though it is still
 * 28 February in UTC.
 */
export function chinaDateOf(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${timestamp}`);
  return todayInChina(new Date(ms));
}
