import { describe, expect, it } from 'vitest';
import { exifEvidenceOf, readExifEvidence } from '../../../../../renderer/src/features/photos/exif';
import { ascii, dms, jpegWithExif, rationals, tiffBytes } from './exif-bytes';

const DATE = 0x9003;
const OFFSET = 0x9011;

/** A phone's photo: taken 2026-12-05 14:03:27 at +08:00, at 31°12′36.50″N 121°28′12.00″E ±8 m. */
const phoneTiff = (little: boolean) =>
  tiffBytes({
    little,
    exif: () => [ascii(DATE, '2026:12:05 14:03:27'), ascii(OFFSET, '+08:00')],
    gps: (l) => [
      ascii(0x0001, 'N'),
      rationals(0x0002, dms(31, 12, 3650), l),
      ascii(0x0003, 'E'),
      rationals(0x0004, dms(121, 28, 1200), l),
      rationals(0x001f, [[8, 1]], l),
    ],
  });

describe('readExifEvidence', () => {
  it('reads the capture time with its offset and the GPS position, in both byte orders', () => {
    for (const little of [true, false]) {
      const evidence = readExifEvidence(jpegWithExif(phoneTiff(little)));
      expect(evidence.taken).toEqual({ local: '2026-12-05T14:03:27', offset: '+08:00' });
      // 31 + 12/60 + 36.5/3600 = 31.2101389°; 121 + 28/60 + 12/3600 = 121.47°.
      expect(evidence.gps?.lat).toBeCloseTo(31.2101389, 7);
      expect(evidence.gps?.lon).toBeCloseTo(121.47, 7);
      expect(evidence.gps?.accuracyM).toBe(8);
    }
  });

  it('keeps a time without an offset as written, and south and west as negative', () => {
    const tiff = tiffBytes({
      little: false,
      exif: () => [ascii(DATE, '2025:01:31 23:59:59')],
      gps: (l) => [
        ascii(0x0001, 'S'),
        rationals(0x0002, dms(33, 52, 0), l),
        ascii(0x0003, 'W'),
        rationals(0x0004, dms(70, 30, 0), l),
      ],
    });
    expect(readExifEvidence(jpegWithExif(tiff))).toEqual({
      taken: { local: '2025-01-31T23:59:59', offset: null },
      // 33 + 52/60 = 33.8666…; 70 + 30/60 = 70.5.
      gps: { lat: -(33 + 52 / 60), lon: -70.5, accuracyM: null },
    });
  });

  it('reads nothing from a JPEG without EXIF, or from bytes that are not a JPEG', () => {
    expect(readExifEvidence(jpegWithExif(null))).toEqual({ taken: null, gps: null });
    expect(readExifEvidence(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toEqual({
      taken: null,
      gps: null,
    });
  });

  it('reads no position from a receiver without a fix (status V, or 0,0)', () => {
    const gps = (entries: (l: boolean) => ReturnType<typeof ascii>[]) =>
      readExifEvidence(jpegWithExif(tiffBytes({ little: true, gps: entries }))).gps;
    expect(
      gps((l) => [
        ascii(0x0001, 'N'),
        rationals(0x0002, dms(31, 0, 0), l),
        ascii(0x0003, 'E'),
        rationals(0x0004, dms(121, 0, 0), l),
        ascii(0x0009, 'V'),
      ]),
    ).toBeNull();
    expect(
      gps((l) => [
        ascii(0x0001, 'N'),
        rationals(0x0002, dms(0, 0, 0), l),
        ascii(0x0003, 'E'),
        rationals(0x0004, dms(0, 0, 0), l),
      ]),
    ).toBeNull();
    // A reference other than N/S is no position either.
    expect(
      gps((l) => [
        ascii(0x0001, 'X'),
        rationals(0x0002, dms(31, 0, 0), l),
        ascii(0x0003, 'E'),
        rationals(0x0004, dms(121, 0, 0), l),
      ]),
    ).toBeNull();
  });

  it('reads nothing, without throwing, from EXIF data cut short or pointing past its end', () => {
    const whole = phoneTiff(true);
    for (const cut of [10, 30, 60, whole.length - 12]) {
      expect(() => readExifEvidence(jpegWithExif(whole.slice(0, cut)))).not.toThrow();
    }
    const lying = [...whole];
    lying[4] = 0xf0; // IFD0 offset far past the data
    expect(readExifEvidence(jpegWithExif(lying))).toEqual({ taken: null, gps: null });
    const badDate = tiffBytes({ little: true, exif: () => [ascii(DATE, 'yesterday noon')] });
    expect(readExifEvidence(jpegWithExif(badDate)).taken).toBeNull();
  });

  it('reads a file from its first bytes', async () => {
    const file = new File([jpegWithExif(phoneTiff(true))], 'tank.jpg', { type: 'image/jpeg' });
    expect((await exifEvidenceOf(file)).taken?.offset).toBe('+08:00');
  });
});
