import { describe, expect, it } from 'vitest';
import { storageShare } from '../../../../../renderer/src/features/settings/storage-share';

describe('storage share', () => {
  it('is the used share of the quota, rounded to a tenth of a percent', () => {
    expect(storageShare(250, 1000)).toEqual({ fraction: 0.25, percent: 25 });
    expect(storageShare(1, 1_000_000)?.percent).toBe(0.1);
    expect(storageShare(0, 1000)?.percent).toBe(0);
  });

  it('is unknown without an estimate', () => {
    expect(storageShare(null, 1000)).toBeNull();
    expect(storageShare(10, 0)).toBeNull();
  });
});
