// Dates and times on the screens, in one form for both languages: the ISO calendar date
// (2026-12-05) that deadlines, plans and the register already use, and the 24-hour time after it
// (2026-12-05 09:30), in the device's time zone. Chinese readers know it from forms and
// software, English ones cannot misread day and month in it; one form keeps a screen that shows
// a deadline beside a time of signing from writing dates two ways. Printed documents write the
// statutory form (2026年12月5日) instead: features/documents.

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12-05 09:30, or — when there is no time. The language does not change the form. */
export function formatDateTime(iso: string | null, _language?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The calendar day of an instant on this device, 2026-12-05. */
export function formatDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
