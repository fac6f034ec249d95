// How full local storage is, from navigator.storage.estimate().

/** From this share of the quota on, Settings warns that space is running out. */
export const NEARLY_FULL = 0.9;

export interface StorageShare {
  fraction: number;
  /** Rounded for display; a non-zero usage never shows as 0 %. */
  percent: number;
}

export function storageShare(usage: number | null, quota: number | null): StorageShare | null {
  if (usage === null || quota === null || quota <= 0 || usage < 0) return null;
  const fraction = Math.min(usage / quota, 1);
  const rounded = Math.round(fraction * 1000) / 10;
  return { fraction, percent: usage > 0 && rounded === 0 ? 0.1 : rounded };
}
