// A photo's evidence as the screens say it, in the user's language: when it was taken and how
// that is known, and where (or that the position is unknown).
import type { TFunction } from 'i18next';
import type { PhotoRef } from '../../../../domain/schemas/photo-evidence';
import { formatDateTime } from '../common/format-date';

/** "Taken 2026-12-05 14:03 (camera)", "Picked … — the time it was picked, not taken", … */
export function photoTimeLine(t: TFunction, photo: PhotoRef): string {
  const taken = photo.taken;
  if (!taken) return t('photos.evidence.timeNotRecorded');
  // A zoneless time is shown as written: converting it would invent a zone.
  const time = taken.source === 'exifLocal' ? taken.at.replace('T', ' ') : formatDateTime(taken.at);
  return t(`photos.evidence.time.${taken.source}`, { time });
}

/** "Position 31.21012, 121.47000 ±8 m (device)", or "Position unknown". */
export function photoPositionLine(t: TFunction, photo: PhotoRef): string {
  const position = photo.position;
  if (!position) return t('photos.evidence.positionUnknown');
  const coordinates = `${position.lat.toFixed(5)}, ${position.lon.toFixed(5)}`;
  return position.accuracyM === null
    ? t(`photos.evidence.position.${position.source}`, { coordinates })
    : t(`photos.evidence.positionWithin.${position.source}`, {
        coordinates,
        accuracy: Math.round(position.accuracyM),
      });
}
