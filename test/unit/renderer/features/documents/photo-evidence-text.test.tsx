import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PhotoRef } from '../../../../../domain/schemas/photo-evidence';
import { FindingPhotos } from '../../../../../renderer/src/features/documents/DocumentParts';
import {
  chineseLatLon,
  photoPositionText,
  photoTimeText,
} from '../../../../../renderer/src/features/documents/photo-evidence-text';

const ref = { sha256: 'c'.repeat(64), mime: 'image/jpeg' as const, size: 10 };

describe('the printed evidence of a photo', () => {
  it('states the time in China time and how it is known', () => {
    expect(
      photoTimeText({ ...ref, taken: { source: 'camera', at: '2026-12-05T06:03:27.000Z' } }),
    ).toBe('拍摄时间：2026年12月5日 14:03（现场拍摄，设备时间）');
    expect(
      photoTimeText({ ...ref, taken: { source: 'exif', at: '2026-12-05T14:03:27+08:00' } }),
    ).toBe('拍摄时间：2026年12月5日 14:03（照片信息）');
    // As written, not converted: its zone is unknown.
    expect(
      photoTimeText({ ...ref, taken: { source: 'exifLocal', at: '2026-12-05T09:03:27' } }),
    ).toBe('拍摄时间：2026年12月5日 09:03:27（照片信息，未记录时区）');
    expect(
      photoTimeText({ ...ref, taken: { source: 'picked', at: '2026-12-05T07:00:00.000Z' } }),
    ).toBe('选取时间：2026年12月5日 15:00（照片未记录拍摄时间，此为选取照片的时间）');
    expect(photoTimeText(ref)).toBe('拍摄时间：未记录');
  });

  it('states the position with its accuracy and source, or that it is unknown', () => {
    expect(
      photoPositionText({
        ...ref,
        position: { source: 'device', lat: 29.98123, lon: 120.58, accuracyM: 7.6 },
      }),
    ).toBe('拍摄位置：北纬 29.98123°，东经 120.58000°（精度 8 米，设备定位）');
    expect(
      photoPositionText({ ...ref, position: { source: 'exif', lat: 1, lon: 2, accuracyM: null } }),
    ).toBe('拍摄位置：北纬 1.00000°，东经 2.00000°（精度未知，照片定位信息）');
    expect(photoPositionText({ ...ref, position: null })).toBe('拍摄位置：位置不明');
    expect(photoPositionText(ref)).toBe('拍摄位置：位置不明');
    expect(chineseLatLon({ lat: -33.5, lon: -70.25 })).toBe('南纬 33.50000°，西经 70.25000°');
  });

  it('prints each photo on the device with its evidence under it', () => {
    const photos: PhotoRef[] = [
      { ...ref, taken: { source: 'camera', at: '2026-12-05T06:03:27.000Z' }, position: null },
      { ...ref, sha256: 'd'.repeat(64) },
    ];
    render(
      <FindingPhotos
        title="储罐区防火堤破损"
        caption="现场照片"
        photos={photos}
        urls={new Map([[ref.sha256, 'blob:one']])}
      />,
    );
    const figure = screen.getByRole('figure');
    expect(screen.getByRole('img', { name: '储罐区防火堤破损 现场照片1' })).toBeTruthy();
    expect(figure.textContent).toContain('拍摄时间：2026年12月5日 14:03（现场拍摄，设备时间）');
    expect(figure.textContent).toContain('拍摄位置：位置不明');
    // The second photo is not on this device: neither it nor its caption is printed.
    expect(screen.getAllByRole('figure')).toHaveLength(1);
  });
});
