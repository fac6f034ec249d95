// Reads what a picked JPEG says of when and where it was taken, from its EXIF data (the APP1
// segment at the start of the file), before downscaling strips it: DateTimeOriginal with its
// OffsetTimeOriginal, and the GPS position with its horizontal error. Anything malformed or
// missing reads as absent; nothing here throws on bad bytes.

export interface ExifEvidence {
  /** DateTimeOriginal as YYYY-MM-DDTHH:MM:SS, with OffsetTimeOriginal (±HH:MM) if written. */
  taken: { local: string; offset: string | null } | null;
  /** GPS latitude and longitude in signed degrees; accuracy from GPSHPositioningError. */
  gps: { lat: number; lon: number; accuracyM: number | null } | null;
}

const NONE: ExifEvidence = { taken: null, gps: null };

const TAG = {
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  dateTimeOriginal: 0x9003,
  offsetTimeOriginal: 0x9011,
  gpsLatitudeRef: 0x0001,
  gpsLatitude: 0x0002,
  gpsLongitudeRef: 0x0003,
  gpsLongitude: 0x0004,
  gpsStatus: 0x0009,
  gpsHPositioningError: 0x001f,
} as const;

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

/** One IFD entry, its value located (inline or at its offset) within the TIFF data. */
interface Entry {
  type: number;
  count: number;
  at: number;
}

class Tiff {
  constructor(
    private readonly view: DataView,
    private readonly little: boolean,
  ) {}

  get length() {
    return this.view.byteLength;
  }
  u16(at: number) {
    return this.view.getUint16(at, this.little);
  }
  u32(at: number) {
    return this.view.getUint32(at, this.little);
  }

  /** The entries of the IFD at `offset`, by tag; empty if it does not fit in the data. */
  ifd(offset: number): Map<number, Entry> {
    const entries = new Map<number, Entry>();
    if (offset < 8 || offset + 2 > this.length) return entries;
    const count = this.u16(offset);
    for (let i = 0; i < count; i++) {
      const at = offset + 2 + i * 12;
      if (at + 12 > this.length) break;
      const type = this.u16(at + 2);
      const n = this.u32(at + 4);
      const size = (TYPE_SIZES[type] ?? 0) * n;
      if (size === 0) continue;
      const valueAt = size <= 4 ? at + 8 : this.u32(at + 8);
      if (valueAt + size > this.length) continue;
      entries.set(this.u16(at), { type, count: n, at: valueAt });
    }
    return entries;
  }

  ascii(entry: Entry | undefined): string | null {
    if (!entry || entry.type !== 2) return null;
    let text = '';
    for (let i = 0; i < entry.count; i++) {
      const code = this.view.getUint8(entry.at + i);
      if (code === 0) break;
      text += String.fromCharCode(code);
    }
    return text;
  }

  /** The entry's unsigned rationals; null if it is not RATIONAL or a denominator is 0. */
  rationals(entry: Entry | undefined, count: number): number[] | null {
    if (!entry || entry.type !== 5 || entry.count < count) return null;
    const values: number[] = [];
    for (let i = 0; i < count; i++) {
      const denominator = this.u32(entry.at + i * 8 + 4);
      if (denominator === 0) return null;
      values.push(this.u32(entry.at + i * 8) / denominator);
    }
    return values;
  }

  long(entry: Entry | undefined): number | null {
    if (!entry || entry.count !== 1) return null;
    if (entry.type === 4) return this.u32(entry.at);
    if (entry.type === 3) return this.u16(entry.at);
    return null;
  }
}

/** The TIFF data of the Exif APP1 segment of a JPEG's head, or null. */
function exifTiff(head: Uint8Array): Tiff | null {
  if (head.length < 4 || head[0] !== 0xff || head[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= head.length && head[at] === 0xff) {
    const marker = head[at + 1]!;
    // The image data starts: no EXIF segment came before it.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = (head[at + 2]! << 8) | head[at + 3]!;
    if (length < 2) return null;
    const start = at + 4;
    const end = Math.min(at + 2 + length, head.length);
    if (
      marker === 0xe1 &&
      end - start >= 14 &&
      String.fromCharCode(...head.subarray(start, start + 4)) === 'Exif' &&
      head[start + 4] === 0 &&
      head[start + 5] === 0
    ) {
      const tiff = head.subarray(start + 6, end);
      const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
      const order = view.getUint16(0);
      if (order !== 0x4949 && order !== 0x4d4d) return null;
      const little = order === 0x4949;
      if (view.getUint16(2, little) !== 42) return null;
      return new Tiff(view, little);
    }
    at += 2 + length;
  }
  return null;
}

const DATE_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;

function readTaken(tiff: Tiff, exif: Map<number, Entry>): ExifEvidence['taken'] {
  const match = DATE_TIME.exec(tiff.ascii(exif.get(TAG.dateTimeOriginal))?.trim() ?? '');
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const offset = tiff.ascii(exif.get(TAG.offsetTimeOriginal))?.trim() ?? '';
  return { local: `${y}-${mo}-${d}T${h}:${mi}:${s}`, offset: OFFSET.test(offset) ? offset : null };
}

function readGps(tiff: Tiff, gps: Map<number, Entry>): ExifEvidence['gps'] {
  // 'V': the receiver had no valid fix when the photo was taken.
  if (tiff.ascii(gps.get(TAG.gpsStatus)) === 'V') return null;
  const degrees = (tag: number, refTag: number, negative: string) => {
    const parts = tiff.rationals(gps.get(tag), 3);
    const ref = tiff.ascii(gps.get(refTag));
    if (!parts || (ref !== negative && ref !== (negative === 'S' ? 'N' : 'E'))) return null;
    const [deg, min, sec] = parts as [number, number, number];
    const value = deg + min / 60 + sec / 3600;
    return ref === negative ? -value : value;
  };
  const lat = degrees(TAG.gpsLatitude, TAG.gpsLatitudeRef, 'S');
  const lon = degrees(TAG.gpsLongitude, TAG.gpsLongitudeRef, 'W');
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  // Some cameras write 0,0 for "no fix": a hazard photographed in the Gulf of Guinea is not one.
  if (lat === 0 && lon === 0) return null;
  const error = tiff.rationals(gps.get(TAG.gpsHPositioningError), 1)?.[0];
  return { lat, lon, accuracyM: error ?? null };
}

/** When and where the JPEG whose first bytes are `head` says it was taken. */
export function readExifEvidence(head: Uint8Array): ExifEvidence {
  try {
    const tiff = exifTiff(head);
    if (!tiff) return NONE;
    const ifd0 = tiff.ifd(tiff.u32(4));
    const exifAt = tiff.long(ifd0.get(TAG.exifIfd));
    const gpsAt = tiff.long(ifd0.get(TAG.gpsIfd));
    return {
      taken: exifAt === null ? null : readTaken(tiff, tiff.ifd(exifAt)),
      gps: gpsAt === null ? null : readGps(tiff, tiff.ifd(gpsAt)),
    };
  } catch {
    // A truncated or lying offset read past the data: the file says nothing usable.
    return NONE;
  }
}

/** The APP1 segment holds at most 64 KiB, and comes first or after a small APP0. */
const HEAD_BYTES = 128 * 1024;

export async function exifEvidenceOf(file: Blob): Promise<ExifEvidence> {
  return readExifEvidence(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()));
}
