import { describe, expect, it } from 'vitest';
import type { PhotoRef } from '../../../../../domain/schemas/photo-evidence';
import {
  photoPositionLine,
  photoTimeLine,
} from '../../../../../renderer/src/features/photos/evidence-text';
import { formatDateTime } from '../../../../../renderer/src/features/common/format-date';
import { createI18n } from '../../../../../renderer/src/i18n/i18n';

const ref = { sha256: 'e'.repeat(64), mime: 'image/jpeg' as const, size: 10 };
const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;

describe('a photo’s evidence on the screens', () => {
  it('says when it was taken and how that is known, in English and Chinese', () => {
    const at = '2026-12-05T06:03:27.000Z';
    const local = formatDateTime(at);
    expect(photoTimeLine(en, { ...ref, taken: { source: 'camera', at } })).toBe(
      `Taken ${local} (camera of this device)`,
    );
    expect(photoTimeLine(zh, { ...ref, taken: { source: 'exif', at } })).toBe(
      `拍摄时间 ${local}（照片信息）`,
    );
    expect(
      photoTimeLine(en, { ...ref, taken: { source: 'exifLocal', at: '2026-12-05T09:03:27' } }),
    ).toBe('Taken 2026-12-05 09:03:27, local time of the camera, time zone not recorded');
    expect(photoTimeLine(en, { ...ref, taken: { source: 'picked', at } })).toBe(
      `Picked ${local}: the file holds no capture time; this is when it was picked, not taken`,
    );
    expect(photoTimeLine(zh, ref)).toBe('未记录拍摄时间（该照片添加时尚未记录）');
  });

  it('says where, with accuracy and source, or that the position is unknown', () => {
    const photo: PhotoRef = {
      ...ref,
      position: { source: 'device', lat: 29.98123, lon: 120.58, accuracyM: 7.6 },
    };
    expect(photoPositionLine(en, photo)).toBe('Position 29.98123, 120.58000 ±8 m (device)');
    expect(photoPositionLine(zh, photo)).toBe(
      '拍摄位置 29.98123, 120.58000，精度 ±8 米（设备定位）',
    );
    expect(
      photoPositionLine(en, {
        ...ref,
        position: { source: 'exif', lat: 1, lon: 2, accuracyM: null },
      }),
    ).toBe('Position 1.00000, 2.00000 (from the photo file, accuracy unknown)');
    expect(photoPositionLine(en, { ...ref, position: null })).toBe('Position unknown');
    expect(photoPositionLine(zh, ref)).toBe('拍摄位置不明');
  });
});
