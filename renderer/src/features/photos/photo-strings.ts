// The interface strings of the photo feature in both languages, to be merged into the app's
// locale files under the same keys.
import type { CameraErrorCode } from './camera';
import type { PhotoErrorCode } from './photo-error';

export const photoStrings = [
  { key: 'photos.add', 'zh-CN': '添加照片', en: 'Add photos' },
  { key: 'photos.takePhoto', 'zh-CN': '拍照', en: 'Take a photo' },
  { key: 'photos.progressLabel', 'zh-CN': '正在添加的照片', en: 'Photos being added' },
  { key: 'photos.status.queued', 'zh-CN': '等待处理', en: 'Waiting' },
  { key: 'photos.status.processing', 'zh-CN': '正在压缩', en: 'Downscaling' },
  { key: 'photos.status.storing', 'zh-CN': '正在保存', en: 'Saving' },
  { key: 'photos.dismiss', 'zh-CN': '关闭提示', en: 'Dismiss' },
  { key: 'photos.error.notImage', 'zh-CN': '不是图片文件', en: 'Not a picture file' },
  {
    key: 'photos.error.tooLarge',
    'zh-CN': '文件超过 {{max}} MB，无法添加',
    en: 'The file is larger than {{max}} MB',
  },
  {
    key: 'photos.error.decodeFailed',
    'zh-CN': '无法读取此图片（格式不受支持或文件已损坏）',
    en: 'The picture could not be read (unsupported format or damaged file)',
  },
  {
    key: 'photos.error.encodeFailed',
    'zh-CN': '无法将此图片转换为 JPEG',
    en: 'The picture could not be converted to JPEG',
  },
  {
    key: 'photos.error.timeout',
    'zh-CN': '处理超时，请重试',
    en: 'Processing took too long; try again',
  },
  {
    key: 'photos.error.unsupported',
    'zh-CN': '此环境无法处理照片',
    en: 'Photos cannot be processed in this environment',
  },
  {
    key: 'photos.error.workerFailed',
    'zh-CN': '照片处理程序出错，请重试',
    en: 'The photo processor failed; try again',
  },
  {
    key: 'photos.error.storeFailed',
    'zh-CN': '照片未能保存到本机（存储空间可能已满）',
    en: 'The photo could not be saved on this device (storage may be full)',
  },
  {
    key: 'photos.error.limit',
    'zh-CN': '已达到照片数量上限，未添加',
    en: 'Not added: the photo limit has been reached',
  },
  { key: 'photos.camera.title', 'zh-CN': '拍摄照片', en: 'Take photos' },
  { key: 'photos.camera.captured', 'zh-CN': '拍摄的照片', en: 'Camera photo' },
  { key: 'photos.camera.preview', 'zh-CN': '摄像头画面', en: 'Camera view' },
  { key: 'photos.camera.starting', 'zh-CN': '正在打开摄像头…', en: 'Starting the camera…' },
  { key: 'photos.camera.capture', 'zh-CN': '拍摄', en: 'Capture' },
  { key: 'photos.camera.done', 'zh-CN': '完成', en: 'Done' },
  { key: 'photos.camera.taken', 'zh-CN': '已拍摄：{{count}} 张', en: 'Photos taken: {{count}}' },
  {
    key: 'photos.camera.error.unsupported',
    'zh-CN': '此环境无法使用摄像头，请从文件添加照片',
    en: 'The camera cannot be used here; add photos from files instead',
  },
  {
    key: 'photos.camera.error.denied',
    'zh-CN': '未获准使用摄像头，请在系统或浏览器设置中允许',
    en: 'Permission to use the camera was refused; allow it in the system or browser settings',
  },
  {
    key: 'photos.camera.error.notFound',
    'zh-CN': '本机未找到摄像头',
    en: 'No camera was found on this device',
  },
  {
    key: 'photos.camera.error.inUse',
    'zh-CN': '摄像头被其他程序占用或无法启动',
    en: 'The camera is in use by another program or could not start',
  },
  {
    key: 'photos.camera.error.notReady',
    'zh-CN': '摄像头画面尚未就绪，请稍后再拍',
    en: 'The camera has no picture yet; try again in a moment',
  },
  { key: 'photos.camera.error.failed', 'zh-CN': '摄像头出错', en: 'The camera failed' },
  { key: 'photos.listLabel', 'zh-CN': '照片', en: 'Photos' },
  {
    key: 'photos.thumbnailAlt',
    'zh-CN': '第 {{index}} 张照片，共 {{total}} 张',
    en: 'Photo {{index}} of {{total}}',
  },
  { key: 'photos.removeLabel', 'zh-CN': '删除第 {{index}} 张照片', en: 'Remove photo {{index}}' },
  { key: 'photos.removeConfirm', 'zh-CN': '删除这张照片？', en: 'Remove this photo?' },
  { key: 'photos.removeOk', 'zh-CN': '删除', en: 'Remove' },
  { key: 'photos.cancel', 'zh-CN': '取消', en: 'Cancel' },
  { key: 'photos.missing', 'zh-CN': '照片尚未下载到本机', en: 'Not on this device yet' },
  { key: 'photos.loadFailed', 'zh-CN': '照片无法显示', en: 'The photo cannot be shown' },
  { key: 'photos.loading', 'zh-CN': '正在载入照片…', en: 'Loading the photo…' },
  {
    key: 'photos.viewer.title',
    'zh-CN': '照片 {{index}} / {{total}}',
    en: 'Photo {{index}} / {{total}}',
  },
  { key: 'photos.viewer.previous', 'zh-CN': '上一张', en: 'Previous' },
  { key: 'photos.viewer.next', 'zh-CN': '下一张', en: 'Next' },
  {
    key: 'photos.viewer.hint',
    'zh-CN': '用 ← → 键切换照片，Esc 键关闭',
    en: 'Use ← and → to move between photos, Esc to close',
  },
] as const;

export type PhotoStringKey = (typeof photoStrings)[number]['key'];
export type PhotoLanguage = 'zh-CN' | 'en';

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

type Nested = { [key: string]: string | Nested };

/** The strings of one language as nested resources, the shape of the app's locale files. */
export function photoResources(language: PhotoLanguage): Nested {
  const root: Nested = {};
  for (const entry of photoStrings) {
    const path = entry.key.split('.');
    const leaf = path.pop() as string;
    let node = root;
    for (const part of path) {
      const next = node[part];
      if (typeof next === 'string') throw new Error(`${entry.key} clashes with a string`);
      node = next ?? (node[part] = {});
    }
    node[leaf] = entry[language];
  }
  return root;
}
