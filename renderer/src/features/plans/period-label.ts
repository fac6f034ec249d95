// A plan period's name in the user's language: the year, H1, Q3, M07 as "Half 1", "Quarter 3",
// "July"-like labels from the locale.
import type { TFunction } from 'i18next';

export function periodLabel(key: string, t: TFunction): string {
  const kind = key.slice(0, 1);
  const n = key.length > 1 ? Number(key.slice(1)) : 0;
  return t(`plans.periods.${kind}`, { n });
}
