// How the dashboard and the work list write their figures, so that screens and tests agree.

/** A share from 0 to 1 as a percentage with one decimal ("87.5%"); a dash when there is none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A whole count as digits. */
export function formatCount(count: number): string {
  return String(count);
}

/** A mean or a threshold with one decimal. */
export function formatAverage(value: number): string {
  return value.toFixed(1);
}
