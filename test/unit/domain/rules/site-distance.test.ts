import { describe, expect, it } from 'vitest';
import {
  EARTH_RADIUS_M,
  haversineMetres,
  SITE_DISTANCE_THRESHOLD_M,
  siteDistance,
} from '../../../../domain/rules/site-distance';

describe('haversineMetres', () => {
  it('is zero between a position and itself', () => {
    expect(haversineMetres({ lat: 31.2304, lon: 121.4737 }, { lat: 31.2304, lon: 121.4737 })).toBe(
      0,
    );
  });

  it('gives one degree along a meridian as R·π/180', () => {
    // Δφ = 1°, Δλ = 0: hav = sin²(0.5°), so d = 2R·asin(sin 0.5°) = R·1° in radians
    // = 6 371 000 × 0.017453293 = 111 194.93 m.
    expect(haversineMetres({ lat: 30, lon: 120 }, { lat: 31, lon: 120 })).toBeCloseTo(
      111_194.93,
      1,
    );
  });

  it('gives one degree of longitude at 60° north as the shorter great circle, not the parallel', () => {
    // Δφ = 0, Δλ = 1° at φ = 60°: hav = cos²60°·sin²(0.5°), so d = 2R·asin(0.5 × sin 0.5°)
    // = 2 × 6 371 000 × asin(0.0043632677) = 12 742 000 × 0.0043632816 = 55 596.93 m,
    // a little shorter than the parallel's arc R·cos60°·1° = 55 597.46 m.
    const d = haversineMetres({ lat: 60, lon: 10 }, { lat: 60, lon: 11 });
    expect(d).toBeCloseTo(55_596.93, 1);
    expect(d).toBeLessThan(EARTH_RADIUS_M * 0.5 * (Math.PI / 180));
  });

  it('is the same both ways and half the circumference between antipodes', () => {
    const a = { lat: 10, lon: 20 };
    const b = { lat: -10, lon: -160 };
    // Antipodes: d = π·R = 20 015 086.8 m.
    expect(haversineMetres(a, b)).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 0);
    expect(haversineMetres(b, a)).toBe(haversineMetres(a, b));
  });
});

describe('siteDistance', () => {
  // 0.005° of latitude = 6 371 000 × 0.005 × π/180 = 555.97 m, past the 500 m threshold.
  const registered = { lat: 31.2, lon: 121.5 };
  const at = (accuracyM: number | null) => ({ lat: 31.205, lon: 121.5, accuracyM });

  it('states a 500 m threshold', () => {
    expect(SITE_DISTANCE_THRESHOLD_M).toBe(500);
  });

  it('is null without a recorded position', () => {
    expect(siteDistance(null, registered)).toBeNull();
  });

  it('flags a position typed in (no accuracy) 556 m away', () => {
    const result = siteDistance(at(null), registered);
    expect(result?.distanceM).toBeCloseTo(555.97, 1);
    expect(result).toMatchObject({ accuracyM: 0, far: true });
  });

  it('flags 556 m within 30 m, whose nearest possible point is 526 m away', () => {
    expect(siteDistance(at(30), registered)?.far).toBe(true);
  });

  it('does not flag 556 m within 60 m, which may have been 496 m away', () => {
    expect(siteDistance(at(60), registered)?.far).toBe(false);
  });

  it('does not flag a position 0.004° (444.78 m) away', () => {
    // 6 371 000 × 0.004 × π/180 = 444.78 m.
    const result = siteDistance({ lat: 31.204, lon: 121.5, accuracyM: 5 }, registered);
    expect(result?.distanceM).toBeCloseTo(444.78, 1);
    expect(result?.far).toBe(false);
  });

  it('takes another threshold when given one', () => {
    expect(siteDistance(at(null), registered, 600)?.far).toBe(false);
  });
});
