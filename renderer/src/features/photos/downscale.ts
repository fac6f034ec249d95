// Turning a picture file into the stored photo: decode (EXIF orientation applied; a JPEG straight
// at a reduced scale where the browser can), cap the long edge, encode JPEG, hash the encoded
// bytes. Runs in the downscale worker; the same code can run on the main thread where no worker
// can be started.
import { PhotoError, photoErrorCode } from './photo-error';
import type { PhotoErrorCode } from './photo-error';
import type { PhotoRef } from '../../shared/photo-blob-store';
import { sha256Hex } from '../../shared/sha256';
import { jpegSizeOf } from './jpeg-header';
import { DEFAULT_MAX_EDGE, decodePlan, storedSize } from './target-size';
import type { Size } from './target-size';

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

/** A decoded picture ready to draw (orientation applied) and the size it is stored at. */
interface Decoded {
  source: CanvasImageSource;
  size: Size;
  close(): void;
}

/** Any picture the browser reads, decoded at full size. */
async function decodeWhole(file: Blob, maxEdge: number): Promise<Decoded> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new PhotoError('decode-failed', error instanceof Error ? error.message : String(error));
  }
  return {
    source: bitmap,
    size: storedSize(bitmap.width, bitmap.height, maxEdge),
    close: () => bitmap.close(),
  };
}

/**
 * A JPEG decoded straight at a reduced scale (WebCodecs ImageDecoder, where there is one): the
 * decoder skips most of the work of a full-size decode. Null where this cannot be done (not a
 * JPEG, no ImageDecoder, a decoder that did not scale as asked); the caller then decodes whole.
 */
async function decodeJpegScaled(file: Blob, maxEdge: number): Promise<Decoded | null> {
  if (typeof ImageDecoder !== 'function') return null;
  const coded = await jpegSizeOf(file);
  if (!coded) return null;
  const { numerator } = decodePlan(coded.width, coded.height, maxEdge);
  if (numerator === 8) return null;
  let decoder: ImageDecoder | undefined;
  try {
    decoder = new ImageDecoder({
      data: await file.arrayBuffer(),
      type: 'image/jpeg',
      desiredWidth: Math.ceil((coded.width * numerator) / 8),
      desiredHeight: Math.ceil((coded.height * numerator) / 8),
    });
    const { image } = await decoder.decode();
    // EXIF orientation is applied to the frame as displayed: a quarter turn swaps the sides.
    const turned = image.displayWidth > image.displayHeight !== coded.width > coded.height;
    const size = turned
      ? storedSize(coded.height, coded.width, maxEdge)
      : storedSize(coded.width, coded.height, maxEdge);
    const open = decoder;
    const close = () => {
      image.close();
      open.close();
    };
    if (Math.max(image.displayWidth, image.displayHeight) < Math.max(size.width, size.height)) {
      close();
      return null;
    }
    return { source: image, size, close };
  } catch {
    decoder?.close();
    return null;
  }
}

async function encode(decoded: Decoded, options: DownscaleOptions) {
  const { width, height } = decoded.size;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoError('encode-failed', 'no 2d context');
  // JPEG has no transparency: transparent parts of a PNG become white, not black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(decoded.source, 0, 0, width, height);
  const bytes = await canvas.convertToBlob({ type: 'image/jpeg', quality: options.quality });
  if (bytes.type !== 'image/jpeg') {
    throw new PhotoError('encode-failed', `encoder produced ${bytes.type || 'nothing'}`);
  }
  return { bytes, width, height };
}

export async function downscaleImage(
  file: Blob,
  options: DownscaleOptions = defaultDownscaleOptions,
): Promise<ProcessedPhoto> {
  checkPhotoInput(file, options.maxInputBytes);
  if (!canDownscaleHere()) throw new PhotoError('unsupported', 'no OffscreenCanvas here');
  const decoded =
    (await decodeJpegScaled(file, options.maxEdge)) ?? (await decodeWhole(file, options.maxEdge));
  try {
    const { bytes, width, height } = await encode(decoded, options);
    const sha256 = await sha256Hex(bytes);
    return { bytes, sha256, mime: 'image/jpeg', size: bytes.size, width, height };
  } catch (error) {
    if (error instanceof PhotoError) throw error;
    throw new PhotoError('encode-failed', error instanceof Error ? error.message : String(error));
  } finally {
    decoded.close();
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
