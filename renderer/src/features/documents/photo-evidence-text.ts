// How a printed document states each photo's evidence, in the documents' fixed Chinese: when it
// was taken and how that is known, and where (or that the position is unknown). A photo recorded
// before evidence was kept says so rather than printing nothing.
import type { PhotoRef } from '../../../../domain/schemas/photo-evidence';
import type { LatLon } from '../../../../domain/rules/site-distance';
import { chineseDate, chineseDateTime } from './document-text';

export const EVIDENCE_TEXT = {
  taken: '拍摄时间',
  picked: '选取时间',
  notRecorded: '未记录',
  position: '拍摄位置',
  positionUnknown: '位置不明',
  source: {
    camera: '现场拍摄，设备时间',
    exif: '照片信息',
    exifLocal: '照片信息，未记录时区',
    picked: '照片未记录拍摄时间，此为选取照片的时间',
  },
  positionSource: { device: '设备定位', exif: '照片定位信息' },
  accuracy: (metres: number) => `精度 ${metres} 米`,
  accuracyUnknown: '精度未知',
} as const;

/** 北纬 31.21012°，东经 121.47000°: the hemisphere named, the degrees without a sign. */
export function chineseLatLon({ lat, lon }: LatLon): string {
  const ns = lat < 0 ? '南纬' : '北纬';
  const ew = lon < 0 ? '西经' : '东经';
  return `${ns} ${Math.abs(lat).toFixed(5)}°，${ew} ${Math.abs(lon).toFixed(5)}°`;
}

/** 2026-12-05T14:03:27 (a wall-clock time of unknown zone) → 2026年12月5日 14:03:27, as written. */
function chineseLocalTime(local: string): string {
  return `${chineseDate(local.slice(0, 10))} ${local.slice(11)}`;
}

/** The photo's time line: 拍摄时间：2026年12月5日 14:03（照片信息）. */
export function photoTimeText(photo: PhotoRef): string {
  const taken = photo.taken;
  if (!taken) return `${EVIDENCE_TEXT.taken}：${EVIDENCE_TEXT.notRecorded}`;
  const label = taken.source === 'picked' ? EVIDENCE_TEXT.picked : EVIDENCE_TEXT.taken;
  const time =
    taken.source === 'exifLocal' ? chineseLocalTime(taken.at) : chineseDateTime(taken.at);
  return `${label}：${time}（${EVIDENCE_TEXT.source[taken.source]}）`;
}

/** The photo's position line: 拍摄位置：北纬 …，东经 …（精度 8 米，设备定位）, or 位置不明. */
export function photoPositionText(photo: PhotoRef): string {
  const position = photo.position;
  if (!position) return `${EVIDENCE_TEXT.position}：${EVIDENCE_TEXT.positionUnknown}`;
  const accuracy =
    position.accuracyM === null
      ? EVIDENCE_TEXT.accuracyUnknown
      : EVIDENCE_TEXT.accuracy(Math.round(position.accuracyM));
  return `${EVIDENCE_TEXT.position}：${chineseLatLon(position)}（${accuracy}，${
    EVIDENCE_TEXT.positionSource[position.source]
  }）`;
}
