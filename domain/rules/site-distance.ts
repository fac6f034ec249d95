// Whether an inspection was recorded far from the enterprise it names: the distance between the
// inspection's position and the enterprise's registered position, against a threshold that
// allows for the position's accuracy. A warning to the inspector and the reviewer, not a refusal:
// a registered position may be wrong, and a large site may spread beyond the threshold.

/** Mean radius of the Earth in metres (the haversine formula's sphere). */
export const EARTH_RADIUS_M = 6_371_000;

/**
 * How far from the registered position an inspection may be recorded before it is flagged: a
 * chemical works' site is rarely more than a few hundred metres across.
 */
export const SITE_DISTANCE_THRESHOLD_M = 500;

export interface LatLon {
  lat: number;
  lon: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle distance in metres between two positions (haversine formula). */
export function haversineMetres(a: LatLon, b: LatLon): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  // min: rounding can push h a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface SiteDistance {
  /** From the recorded position to the registered one, in metres. */
  distanceM: number;
  /** The recorded position's accuracy radius in metres; 0 when none was given (typed in). */
  accuracyM: number;
  /**
   * True when even the nearest point the inspection may have been at (its accuracy radius
   * towards the enterprise) is further than the threshold from the registered position.
   */
  far: boolean;
}

/**
 * How far the inspection's recorded position is from the enterprise's registered one; null when
 * the inspection has no position.
 */
export function siteDistance(
  recorded: (LatLon & { accuracyM: number | null }) | null,
  registered: LatLon,
  thresholdM: number = SITE_DISTANCE_THRESHOLD_M,
): SiteDistance | null {
  if (!recorded) return null;
  const distanceM = haversineMetres(recorded, registered);
  const accuracyM = recorded.accuracyM ?? 0;
  return { distanceM, accuracyM, far: distanceM - accuracyM > thresholdM };
}
