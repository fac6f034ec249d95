import { describe, expect, it } from 'vitest';
import { jpegSizeOf, readJpegSize } from '../../../../../renderer/src/features/photos/jpeg-header';
import { segment } from './exif-bytes';

/** A JPEG head: SOI, an APP0, an APP1 of `exifBytes`, a DQT, then the frame header given. */
function jpegHead(
  frameMarker: number,
  width: number,
  height: number,
  exifBytes = 20,
): Uint8Array<ArrayBuffer> {
  return new Uint8Array([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xe1, new Array<number>(exifBytes).fill(0xff)),
    ...segment(0xdb, new Array<number>(65).fill(1)),
    ...segment(frameMarker, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3]),
    ...segment(0xda, [1, 2, 3]),
  ]);
}

describe('readJpegSize', () => {
  it('reads the frame size of baseline and progressive JPEGs past the APP segments', () => {
    expect(readJpegSize(jpegHead(0xc0, 4000, 3000))).toEqual({ width: 4000, height: 3000 });
    expect(readJpegSize(jpegHead(0xc2, 3648, 5472, 60_000))).toEqual({ width: 3648, height: 5472 });
  });

  it('skips tables that share the SOF range (DHT) and stops at the image data', () => {
    const withHuffman = jpegHead(0xc4, 10, 10);
    expect(readJpegSize(withHuffman)).toBeNull();
  });

  it('refuses what is not a JPEG, is cut short or declares no size', () => {
    expect(readJpegSize(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toBeNull();
    expect(readJpegSize(jpegHead(0xc0, 4000, 3000).slice(0, 30))).toBeNull();
    expect(readJpegSize(jpegHead(0xc0, 0, 3000))).toBeNull();
  });

  it('reads the head of a file', async () => {
    const file = new Blob([jpegHead(0xc1, 640, 480), new Uint8Array(1000)], { type: 'image/jpeg' });
    expect(await jpegSizeOf(file)).toEqual({ width: 640, height: 480 });
  });
});
