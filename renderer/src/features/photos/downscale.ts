// Turning a picture file into the stored photo: decode (EXIF orientation applied), cap the long
// edge, encode JPEG, hash the encoded bytes. Runs in the downscale worker; the same code can run
// on the main thread where no worker can be started.
import { PhotoError, photoErrorCode } from './photo-error';
import type { PhotoErrorCode } from './photo-error';
import type { PhotoRef } from './photo-blob-store';
import { sha256Hex } from './sha256';
import { DEFAULT_MAX_EDGE, targetSize } from './target-size';

export interface DownscaleOptions {
  maxEdge: number;
  /** JPEG quality, 0–1. */
  quality: number;
  /** Files larger than this are refused before decoding. */
  maxInputBytes: number;
}

export const defaultDownscaleOptions: DownscaleOptions = {
  maxEdge: DEFAULT_MAX_EDGE,
  quality: 0.85,
  maxInputBytes: 50 * 1024 * 1024,
};

export interface ProcessedPhoto {
  bytes: Blob;
  /** SHA-256 of `bytes`, lower-case hex. */
  sha256: string;
  mime: PhotoRef['mime'];
  size: number;
  width: number;
  height: number;
}

/** Refuses what is plainly not a usable picture without reading it. */
export function checkPhotoInput(file: Blob, maxInputBytes: number): void {
  // Some systems give camera files no type; decoding decides for those.
  if (file.type !== '' && !file.type.startsWith('image/')) {
    throw new PhotoError('not-image', `not an image: ${file.type}`);
  }
  if (file.size === 0) throw new PhotoError('not-image', 'empty file');
  if (file.size > maxInputBytes) {
    throw new PhotoError('too-large', `${file.size} bytes is over the ${maxInputBytes} limit`);
  }
}

export function canDownscaleHere(): boolean {
  return typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function';
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new PhotoError('decode-failed', error instanceof Error ? error.message : String(error));
  }
}

async function encode(bitmap: ImageBitmap, options: DownscaleOptions) {
  const size = targetSize(bitmap.width, bitmap.height, options.maxEdge);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoError('encode-failed', 'no 2d context');
  // JPEG has no transparency: transparent parts of a PNG become white, not black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  const bytes = await canvas.convertToBlob({ type: 'image/jpeg', quality: options.quality });
  if (bytes.type !== 'image/jpeg') {
    throw new PhotoError('encode-failed', `encoder produced ${bytes.type || 'nothing'}`);
  }
  return { bytes, ...size };
}

export async function downscaleImage(
  file: Blob,
  options: DownscaleOptions = defaultDownscaleOptions,
): Promise<ProcessedPhoto> {
  checkPhotoInput(file, options.maxInputBytes);
  if (!canDownscaleHere()) throw new PhotoError('unsupported', 'no OffscreenCanvas here');
  const bitmap = await decode(file);
  try {
    const { bytes, width, height } = await encode(bitmap, options);
    const sha256 = await sha256Hex(bytes);
    return { bytes, sha256, mime: 'image/jpeg', size: bytes.size, width, height };
  } catch (error) {
    if (error instanceof PhotoError) throw error;
    throw new PhotoError('encode-failed', error instanceof Error ? error.message : String(error));
  } finally {
    bitmap.close();
  }
}

// Messages between the main thread and the downscale worker.
export interface DownscaleRequest {
  id: number;
  file: Blob;
  options: DownscaleOptions;
}

export type DownscaleResponse =
  | { id: number; ok: true; photo: ProcessedPhoto }
  | { id: number; ok: false; code: PhotoErrorCode; message: string };

export async function answerDownscaleRequest(
  request: DownscaleRequest,
): Promise<DownscaleResponse> {
  try {
    return { id: request.id, ok: true, photo: await downscaleImage(request.file, request.options) };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      code: photoErrorCode(error, 'decode-failed'),
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
