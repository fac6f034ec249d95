// The device camera for photos taken on site: the back camera preferred, the stream always
// stopped when done, failures named by cause.

export type CameraErrorCode =
  | 'camera-unsupported'
  | 'camera-denied'
  | 'camera-not-found'
  | 'camera-in-use'
  | 'camera-not-ready'
  | 'camera-failed';

export class CameraError extends Error {
  readonly code: CameraErrorCode;

  constructor(code: CameraErrorCode, message: string = code) {
    super(message);
    this.name = 'CameraError';
    this.code = code;
  }
}

/** Maps getUserMedia's DOMException names to what the user can act on. */
export function cameraErrorCode(error: unknown): CameraErrorCode {
  if (error instanceof CameraError) return error.code;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'camera-denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'camera-not-found';
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return 'camera-in-use';
    default:
      return 'camera-failed';
  }
}

export interface CameraSession {
  readonly stream: MediaStream;
  /** Stops every track and detaches the stream; safe to call twice. */
  close(): void;
}

export interface OpenCameraOptions {
  /** Defaults to navigator.mediaDevices. */
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'>;
}

export async function openCamera(
  video: HTMLVideoElement,
  options: OpenCameraOptions = {},
): Promise<CameraSession> {
  const devices = options.mediaDevices ?? globalThis.navigator?.mediaDevices;
  if (!devices || typeof devices.getUserMedia !== 'function') {
    throw new CameraError('camera-unsupported', 'getUserMedia is not available');
  }
  let stream: MediaStream;
  try {
    stream = await devices.getUserMedia({
      video: { facingMode: 'environment', width: { ideal: 2048 }, height: { ideal: 1536 } },
      audio: false,
    });
  } catch (error) {
    throw new CameraError(
      cameraErrorCode(error),
      error instanceof Error ? error.message : String(error),
    );
  }
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const track of stream.getTracks()) track.stop();
    if (video.srcObject === stream) video.srcObject = null;
  };
  try {
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true;
    await video.play();
  } catch (error) {
    close();
    throw new CameraError('camera-failed', error instanceof Error ? error.message : String(error));
  }
  return { stream, close };
}

/** The current video frame as a JPEG (high quality: the photo pipeline re-encodes it). */
export function captureFrame(video: HTMLVideoElement, quality = 0.92): Promise<Blob> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) {
    return Promise.reject(new CameraError('camera-not-ready', 'no video frame yet'));
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new CameraError('camera-failed', 'no 2d context'));
  context.drawImage(video, 0, 0, width, height);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(blob)
          : reject(new CameraError('camera-failed', 'the frame was not encoded')),
      'image/jpeg',
      quality,
    );
  });
}
