import { describe, expect, it } from 'vitest';
import { photoRefSchema } from '../../../../domain/schemas/photo-evidence';

const ref = { sha256: 'b'.repeat(64), mime: 'image/jpeg', size: 1000 };
const paths = (value: unknown) =>
  photoRefSchema.safeParse(value).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('photoRefSchema', () => {
  it('accepts a photo recorded before evidence was kept', () => {
    expect(photoRefSchema.safeParse(ref).success).toBe(true);
  });

  it('accepts each way of knowing the time, with or without a position', () => {
    for (const taken of [
      { source: 'camera', at: '2026-12-05T14:00:00.000+08:00' },
      { source: 'exif', at: '2026-12-05T14:00:00+08:00' },
      { source: 'exifLocal', at: '2026-12-05T14:00:00' },
      { source: 'picked', at: '2026-12-05T06:00:00.000Z' },
    ]) {
      expect(paths({ ...ref, taken, position: null })).toEqual([]);
    }
    const position = { source: 'exif', lat: 31.2, lon: 121.5, accuracyM: null };
    expect(
      paths({ ...ref, taken: { source: 'camera', at: '2026-12-05T06:00:00Z' }, position }),
    ).toEqual([]);
  });

  it('refuses a zoned time without its zone, and a zoneless time with one', () => {
    expect(paths({ ...ref, taken: { source: 'exif', at: '2026-12-05T14:00:00' } })).toEqual([
      'taken.at',
    ]);
    expect(paths({ ...ref, taken: { source: 'exifLocal', at: '2026-12-05T14:00:00Z' } })).toEqual([
      'taken.at',
    ]);
    expect(paths({ ...ref, taken: { source: 'guessed', at: '2026-12-05T14:00:00Z' } })).toEqual([
      'taken.source',
    ]);
  });

  it('refuses positions out of range and accuracies that are not sane', () => {
    const at = (position: object) =>
      paths({
        ...ref,
        position: { source: 'device', lat: 31, lon: 121, accuracyM: 20, ...position },
      });
    expect(at({ lat: 90.1 })).toEqual(['position.lat']);
    expect(at({ lon: -180.5 })).toEqual(['position.lon']);
    expect(at({ accuracyM: -1 })).toEqual(['position.accuracyM']);
    expect(at({ accuracyM: 10_001 })).toEqual(['position.accuracyM']);
    expect(at({ accuracyM: Number.POSITIVE_INFINITY })).toEqual(['position.accuracyM']);
    expect(at({ lat: Number.NaN })).toEqual(['position.lat']);
    expect(at({})).toEqual([]);
  });
});
