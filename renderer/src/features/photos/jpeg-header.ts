// The pixel size a JPEG declares in its frame header (SOF), read from the first bytes of the file
// without decoding it: the photo pipeline needs it to ask the decoder for a reduced size.

export interface JpegSize {
  /** As stored, before any EXIF orientation is applied. */
  width: number;
  height: number;
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic); not DHT, JPG or DAC. */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** The frame size in `head` (the start of a JPEG file), or null if it is not a JPEG or not there. */
export function readJpegSize(head: Uint8Array): JpegSize | null {
  if (head.length < 4 || head[0] !== 0xff || head[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= head.length) {
    if (head[at] !== 0xff) return null;
    const marker = head[at + 1]!;
    // Fill bytes and markers without a length (RSTn, TEM) carry no segment.
    if (marker === 0xff) {
      at++;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    // The image data starts (SOS) or ends (EOI) before any frame header: not a usable file.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = (head[at + 2]! << 8) | head[at + 3]!;
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (at + 9 > head.length) return null;
      const height = (head[at + 5]! << 8) | head[at + 6]!;
      const width = (head[at + 7]! << 8) | head[at + 8]!;
      return width > 0 && height > 0 ? { width, height } : null;
    }
    at += 2 + length;
  }
  return null;
}

/** EXIF data (with its thumbnail) comes before the frame header; it is well under this. */
const HEAD_BYTES = 512 * 1024;

export async function jpegSizeOf(file: Blob): Promise<JpegSize | null> {
  return readJpegSize(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()));
}
