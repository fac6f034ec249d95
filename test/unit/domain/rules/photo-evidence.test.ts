import { describe, expect, it } from 'vitest';
import {
  earliestTakenMs,
  PHOTO_CLOCK_TOLERANCE_MS,
  photoTakenTooLate,
  takenAfterReceipt,
} from '../../../../domain/rules/photo-evidence';
import type { PhotoRef } from '../../../../domain/schemas/photo-evidence';

const receivedAt = new Date('2026-12-05T06:00:00.000Z');
const photo = (taken: PhotoRef['taken']): PhotoRef => ({
  sha256: 'a'.repeat(64),
  mime: 'image/jpeg',
  size: 100,
  ...(taken ? { taken } : {}),
  position: null,
});

describe('takenAfterReceipt', () => {
  it('allows ten minutes of a device clock running fast, not more', () => {
    expect(PHOTO_CLOCK_TOLERANCE_MS).toBe(600_000);
    // 14:09:59 at +08:00 is 06:09:59Z: 9 min 59 s after receipt.
    expect(
      takenAfterReceipt({ source: 'camera', at: '2026-12-05T14:09:59+08:00' }, receivedAt),
    ).toBe(false);
    // 06:10:01Z: 10 min 1 s after receipt.
    expect(takenAfterReceipt({ source: 'exif', at: '2026-12-05T06:10:01Z' }, receivedAt)).toBe(
      true,
    );
  });

  it('reads a time without a zone as at its earliest (UTC+14)', () => {
    // 2026-12-05T20:00:00 at UTC+14 is 06:00Z: the receipt itself, so possibly true.
    expect(earliestTakenMs({ source: 'exifLocal', at: '2026-12-05T20:00:00' })).toBe(
      receivedAt.getTime(),
    );
    expect(takenAfterReceipt({ source: 'exifLocal', at: '2026-12-05T20:09:00' }, receivedAt)).toBe(
      false,
    );
    // 20:11 at UTC+14 is 06:11Z, 11 minutes after receipt wherever it was taken.
    expect(takenAfterReceipt({ source: 'exifLocal', at: '2026-12-05T20:11:00' }, receivedAt)).toBe(
      true,
    );
  });
});

describe('photoTakenTooLate', () => {
  const early = photo({ source: 'picked', at: '2026-12-05T05:00:00Z' });
  const late = photo({ source: 'camera', at: '2026-12-06T05:00:00Z' });

  it('names nothing when every photo is earlier, or has no time (older records)', () => {
    expect(photoTakenTooLate({ photos: [early, photo(undefined)] }, receivedAt)).toBeNull();
  });

  it('names the first late photo of the hazard, its verification or its history', () => {
    expect(photoTakenTooLate({ photos: [early, late] }, receivedAt)).toBe('photos.1.taken.at');
    expect(
      photoTakenTooLate({ photos: [early], verification: { photos: [late] } }, receivedAt),
    ).toBe('verification.photos.0.taken.at');
    expect(
      photoTakenTooLate(
        {
          photos: [],
          history: [
            { kind: 'rectificationReported' },
            { kind: 'reinspected', verification: { photos: [early, late] } },
          ],
        },
        receivedAt,
      ),
    ).toBe('history.1.verification.photos.1.taken.at');
  });
});
