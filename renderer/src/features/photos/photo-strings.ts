// Which text of the locale files (section `photos`) names each photo and camera error. The texts
// themselves live only in the locale files; the key types follow them, so a renamed or missing
// text is a type error here.
import type { zhCN } from '../../i18n/zh-CN';
import type { CameraErrorCode } from './camera';
import type { PhotoErrorCode } from './photo-error';

type PhotoTexts = (typeof zhCN)['photos'];

/** A photo error's text key. */
export type PhotoStringKey =
  | `photos.error.${keyof PhotoTexts['error'] & string}`
  | `photos.camera.error.${keyof PhotoTexts['camera']['error'] & string}`;

export const photoErrorKeys: Record<PhotoErrorCode, PhotoStringKey> = {
  'not-image': 'photos.error.notImage',
  'too-large': 'photos.error.tooLarge',
  'decode-failed': 'photos.error.decodeFailed',
  'encode-failed': 'photos.error.encodeFailed',
  timeout: 'photos.error.timeout',
  unsupported: 'photos.error.unsupported',
  'worker-failed': 'photos.error.workerFailed',
  'store-failed': 'photos.error.storeFailed',
};

export const cameraErrorKeys: Record<CameraErrorCode, PhotoStringKey> = {
  'camera-unsupported': 'photos.camera.error.unsupported',
  'camera-denied': 'photos.camera.error.denied',
  'camera-not-found': 'photos.camera.error.notFound',
  'camera-in-use': 'photos.camera.error.inUse',
  'camera-not-ready': 'photos.camera.error.notReady',
  'camera-failed': 'photos.camera.error.failed',
};
