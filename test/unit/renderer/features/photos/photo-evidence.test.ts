import { describe, expect, it } from 'vitest';
import {
  cameraEvidence,
  devicePosition,
  pickedFileEvidence,
} from '../../../../../renderer/src/features/photos/photo-evidence';

const pickedAt = new Date('2026-12-05T06:30:00.000Z');
const gps = { lat: 31.21, lon: 121.47, accuracyM: 8 };

describe('pickedFileEvidence', () => {
  it('keeps the EXIF time with its offset, and the EXIF position', () => {
    expect(
      pickedFileEvidence(
        { taken: { local: '2026-12-05T14:03:27', offset: '+08:00' }, gps },
        pickedAt,
      ),
    ).toEqual({
      taken: { source: 'exif', at: '2026-12-05T14:03:27+08:00' },
      position: { source: 'exif', ...gps },
    });
  });

  it('keeps a time without an offset as a wall-clock time of unknown zone', () => {
    expect(
      pickedFileEvidence(
        { taken: { local: '2026-12-05T14:03:27', offset: null }, gps: null },
        pickedAt,
      ),
    ).toEqual({ taken: { source: 'exifLocal', at: '2026-12-05T14:03:27' }, position: null });
  });

  it('marks a file without a capture time as picked, not taken', () => {
    expect(pickedFileEvidence({ taken: null, gps: null }, pickedAt)).toEqual({
      taken: { source: 'picked', at: '2026-12-05T06:30:00.000Z' },
      position: null,
    });
  });

  it('falls back to what is certain when the EXIF values are impossible', () => {
    const evidence = pickedFileEvidence(
      {
        taken: { local: '2026-13-05T14:03:27', offset: '+08:00' },
        gps: { lat: 31.21, lon: 121.47, accuracyM: 25_000 },
      },
      pickedAt,
    );
    expect(evidence).toEqual({
      taken: { source: 'picked', at: pickedAt.toISOString() },
      position: null,
    });
    // An offset the schema refuses (+16:00) keeps the time, without the zone.
    expect(
      pickedFileEvidence(
        { taken: { local: '2026-12-05T14:03:27', offset: '+16:00' }, gps: null },
        pickedAt,
      ).taken,
    ).toEqual({ source: 'exifLocal', at: '2026-12-05T14:03:27' });
  });
});

describe('cameraEvidence', () => {
  it('keeps the moment of capture and the device position', () => {
    const position = { source: 'device' as const, ...gps };
    expect(cameraEvidence(pickedAt, position)).toEqual({
      taken: { source: 'camera', at: '2026-12-05T06:30:00.000Z' },
      position,
    });
    expect(cameraEvidence(pickedAt, null).position).toBeNull();
  });
});

/** The browser's geolocation, answering as told (jsdom has none). */
function geolocation(answer: { accuracy: number } | { code: number } | 'throws') {
  return {
    getCurrentPosition(ok: PositionCallback, fail?: PositionErrorCallback | null) {
      if (answer === 'throws') throw new Error('blocked');
      if ('code' in answer) fail?.({ code: answer.code, message: '' } as GeolocationPositionError);
      else
        ok({
          coords: { latitude: 31.21, longitude: 121.47, accuracy: answer.accuracy },
        } as GeolocationPosition);
    },
  };
}

describe('devicePosition', () => {
  it('answers the fix with its accuracy', async () => {
    await expect(devicePosition(geolocation({ accuracy: 12 }))).resolves.toEqual({
      source: 'device',
      lat: 31.21,
      lon: 121.47,
      accuracyM: 12,
    });
  });

  it('answers null when denied, unavailable, broken, too imprecise or absent', async () => {
    await expect(devicePosition(geolocation({ code: 1 }))).resolves.toBeNull();
    await expect(devicePosition(geolocation('throws'))).resolves.toBeNull();
    await expect(devicePosition(geolocation({ accuracy: 20_000 }))).resolves.toBeNull();
    await expect(devicePosition(undefined)).resolves.toBeNull();
  });
});
