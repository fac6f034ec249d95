// jsdom has no camera; a stand-in getUserMedia answers as browsers do, so that what openCamera
// does with the stream (attach, stop, name the failure) can be checked.
import { describe, expect, it } from 'vitest';
import {
  CameraError,
  cameraErrorCode,
  captureFrame,
  openCamera,
} from '../../../../../renderer/src/features/photos/camera';

function fakeStream() {
  const tracks = [
    {
      stopped: false,
      stop() {
        this.stopped = true;
      },
    },
  ];
  const stream = { getTracks: () => tracks } as unknown as MediaStream;
  return { stream, tracks };
}

function playableVideo(): HTMLVideoElement {
  const video = document.createElement('video');
  // jsdom does not implement media playback.
  video.play = () => Promise.resolve();
  return video;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof CameraError ? error.code : `not a CameraError: ${String(error)}`;
  }
  return 'resolved';
}

describe('openCamera', () => {
  it('asks for the back camera, shows it, and stops every track on close', async () => {
    const { stream, tracks } = fakeStream();
    const asked: MediaStreamConstraints[] = [];
    const video = playableVideo();
    const session = await openCamera(video, {
      mediaDevices: {
        getUserMedia: async (constraints) => {
          asked.push(constraints ?? {});
          return stream;
        },
      },
    });
    expect(asked[0]).toMatchObject({ video: { facingMode: 'environment' }, audio: false });
    expect(video.srcObject).toBe(stream);
    session.close();
    session.close();
    expect(tracks.every((track) => track.stopped)).toBe(true);
    expect(video.srcObject).toBeNull();
  });

  it('names each way the camera can be refused', async () => {
    const refuse = (name: string) => ({
      getUserMedia: () => Promise.reject(new DOMException('no', name)),
    });
    const video = playableVideo();
    expect(await codeOf(openCamera(video, { mediaDevices: refuse('NotAllowedError') }))).toBe(
      'camera-denied',
    );
    expect(await codeOf(openCamera(video, { mediaDevices: refuse('NotFoundError') }))).toBe(
      'camera-not-found',
    );
    expect(await codeOf(openCamera(video, { mediaDevices: refuse('NotReadableError') }))).toBe(
      'camera-in-use',
    );
    expect(await codeOf(openCamera(video, { mediaDevices: refuse('TypeError') }))).toBe(
      'camera-failed',
    );
    // jsdom, like a page over plain http, has no navigator.mediaDevices.
    expect(await codeOf(openCamera(video))).toBe('camera-unsupported');
  });

  it('releases the camera when the video cannot play', async () => {
    const { stream, tracks } = fakeStream();
    const video = document.createElement('video');
    video.play = () => Promise.reject(new DOMException('no', 'NotAllowedError'));
    const opening = openCamera(video, { mediaDevices: { getUserMedia: async () => stream } });
    expect(await codeOf(opening)).toBe('camera-failed');
    expect(tracks[0]!.stopped).toBe(true);
  });
});

describe('captureFrame', () => {
  it('refuses before the video has a frame', async () => {
    expect(await codeOf(captureFrame(document.createElement('video')))).toBe('camera-not-ready');
  });
});

describe('cameraErrorCode', () => {
  it('keeps the code of a CameraError and treats the unknown as a failure', () => {
    expect(cameraErrorCode(new CameraError('camera-denied'))).toBe('camera-denied');
    expect(cameraErrorCode('???')).toBe('camera-failed');
  });
});
