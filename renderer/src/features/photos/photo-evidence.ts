// The evidence kept with each photo: when it was taken and where, from the camera's moment and
// the device's position, or from a picked file's EXIF data. Never a guess: a file without a
// capture time is marked as picked, not taken; a time without a zone keeps no zone.
import {
  MAX_PHOTO_ACCURACY_M,
  photoPositionSchema,
  photoTakenSchema,
} from '../../../../domain/schemas/photo-evidence';
import type { PhotoPosition, PhotoTaken } from '../../../../domain/schemas/photo-evidence';
import type { ExifEvidence } from './exif';

export interface PhotoEvidence {
  taken: PhotoTaken;
  position: PhotoPosition | null;
}

/** The position as the schema keeps it; null if it is out of range or too imprecise to tell. */
function keptPosition(position: PhotoPosition): PhotoPosition | null {
  const parsed = photoPositionSchema.safeParse(position);
  return parsed.success ? parsed.data : null;
}

/** A photo the app's camera took at `capturedAt`, where the device was then (if it knew). */
export function cameraEvidence(capturedAt: Date, position: PhotoPosition | null): PhotoEvidence {
  return {
    taken: { source: 'camera', at: capturedAt.toISOString() },
    position: position && keptPosition(position),
  };
}

/** A file picked at `pickedAt`, with what its EXIF data says. */
export function pickedFileEvidence(exif: ExifEvidence, pickedAt: Date): PhotoEvidence {
  const picked: PhotoTaken = { source: 'picked', at: pickedAt.toISOString() };
  const candidates: unknown[] = exif.taken
    ? [
        ...(exif.taken.offset
          ? [{ source: 'exif', at: `${exif.taken.local}${exif.taken.offset}` }]
          : []),
        { source: 'exifLocal', at: exif.taken.local },
      ]
    : [];
  // A malformed date (month 13, an offset past ±15 h) falls back to what is certain.
  const taken =
    candidates.map((c) => photoTakenSchema.safeParse(c)).find((r) => r.success)?.data ?? picked;
  const position = exif.gps ? keptPosition({ source: 'exif', ...exif.gps }) : null;
  return { taken, position };
}

/** What is used of the browser's Geolocation (the server's tests run this module without the DOM). */
export interface GeolocationSource {
  getCurrentPosition(
    success: (position: {
      coords: { latitude: number; longitude: number; accuracy: number };
    }) => void,
    failure: () => void,
    options: { enableHighAccuracy: boolean; timeout: number; maximumAge: number },
  ): void;
}

/** How long a photo waits for the device's position before it is kept without one. */
const POSITION_TIMEOUT_MS = 10_000;

/**
 * Where the device is now, asked when the camera takes a photo; null when it cannot say
 * (unsupported, refused, timed out, or known only within more than MAX_PHOTO_ACCURACY_M).
 * Never rejects.
 */
export function devicePosition(
  geolocation: GeolocationSource | undefined = (
    globalThis as { navigator?: { geolocation?: GeolocationSource } }
  ).navigator?.geolocation,
  timeoutMs = POSITION_TIMEOUT_MS,
): Promise<PhotoPosition | null> {
  if (!geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    try {
      geolocation.getCurrentPosition(
        ({ coords }) =>
          resolve(
            Number.isFinite(coords.accuracy) && coords.accuracy <= MAX_PHOTO_ACCURACY_M
              ? keptPosition({
                  source: 'device',
                  lat: coords.latitude,
                  lon: coords.longitude,
                  accuracyM: coords.accuracy,
                })
              : null,
          ),
        () => resolve(null),
        // A fix up to half a minute old is where the photo was taken; an older one may not be.
        { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
      );
    } catch {
      resolve(null);
    }
  });
}
