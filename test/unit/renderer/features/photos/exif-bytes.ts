// Builds real JPEG heads with an EXIF segment (TIFF data in either byte order), for the tests of
// reading when and where a picked photo was taken.

export interface IfdEntry {
  tag: number;
  type: number;
  count: number;
  bytes: number[];
}

export interface ExifSpec {
  little: boolean;
  /** Entries of the Exif sub-IFD (DateTimeOriginal…); omitted when absent. */
  exif?: (little: boolean) => IfdEntry[];
  /** Entries of the GPS IFD; omitted when absent. */
  gps?: (little: boolean) => IfdEntry[];
}

export const u16 = (v: number, little: boolean) =>
  little ? [v & 0xff, (v >> 8) & 0xff] : [(v >> 8) & 0xff, v & 0xff];
export const u32 = (v: number, little: boolean) => {
  const big = [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
  return little ? big.reverse() : big;
};

export const ascii = (tag: number, text: string): IfdEntry => ({
  tag,
  type: 2,
  count: text.length + 1,
  bytes: [...text].map((c) => c.charCodeAt(0)).concat(0),
});

export const rationals = (
  tag: number,
  pairs: Array<[number, number]>,
  little: boolean,
): IfdEntry => ({
  tag,
  type: 5,
  count: pairs.length,
  bytes: pairs.flatMap(([n, d]) => [...u32(n, little), ...u32(d, little)]),
});

const long = (tag: number, value: number, little: boolean): IfdEntry => ({
  tag,
  type: 4,
  count: 1,
  bytes: u32(value, little),
});

/** The TIFF data: header, IFD0 (pointing at the Exif and GPS IFDs), those IFDs, then values. */
export function tiffBytes({ little, exif, gps }: ExifSpec): number[] {
  const subs: Array<{ pointer: number; entries: IfdEntry[] }> = [];
  if (exif) subs.push({ pointer: 0x8769, entries: exif(little) });
  if (gps) subs.push({ pointer: 0x8825, entries: gps(little) });
  const ifdSize = (n: number) => 2 + 12 * n + 4;
  const ifd0Entries = subs.length + 1; // and an Orientation entry, as cameras write
  const offsets: number[] = [];
  let at = 8 + ifdSize(ifd0Entries);
  for (const sub of subs) {
    offsets.push(at);
    at += ifdSize(sub.entries.length);
  }
  const ifds: IfdEntry[][] = [
    [
      { tag: 0x0112, type: 3, count: 1, bytes: [...u16(1, little), 0, 0] },
      ...subs.map((sub, i) => long(sub.pointer, offsets[i]!, little)),
    ],
    ...subs.map((sub) => sub.entries),
  ];
  const out: number[] = [...(little ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42, little)];
  out.push(...u32(8, little));
  const data: number[] = [];
  const dataStart = at;
  for (const entries of ifds) {
    out.push(...u16(entries.length, little));
    for (const entry of entries) {
      out.push(...u16(entry.tag, little), ...u16(entry.type, little), ...u32(entry.count, little));
      if (entry.bytes.length <= 4) {
        out.push(...entry.bytes, ...new Array<number>(4 - entry.bytes.length).fill(0));
      } else {
        out.push(...u32(dataStart + data.length, little));
        data.push(...entry.bytes);
        if (data.length % 2) data.push(0);
      }
    }
    out.push(...u32(0, little));
  }
  return [...out, ...data];
}

/** A JPEG segment: its marker, its length (which counts the two length bytes), then `body`. */
export const segment = (marker: number, body: number[]) => [
  0xff,
  marker,
  (body.length + 2) >> 8,
  (body.length + 2) & 0xff,
  ...body,
];

/** A JPEG head: SOI, APP0 (JFIF), APP1 Exif with `tiff` if given, a DQT, a frame and the scan. */
export function jpegWithExif(tiff: number[] | null): Uint8Array<ArrayBuffer> {
  return new Uint8Array([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...(tiff ? segment(0xe1, [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]) : []),
    ...segment(0xdb, new Array<number>(65).fill(1)),
    ...segment(0xc0, [8, 0, 30, 0, 40, 3]),
    ...segment(0xda, [1, 2, 3]),
    0xff,
    0xd9,
  ]);
}

/** Degrees, minutes and seconds as EXIF writes them (seconds in hundredths). */
export const dms = (d: number, m: number, s100: number): Array<[number, number]> => [
  [d, 1],
  [m, 1],
  [s100, 100],
];
