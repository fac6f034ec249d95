// The server's check of when a hazard's photos say they were taken: never later than the server
// received them, beyond a tolerance for a device clock running a little fast. The schema checks
// the fields' form and ranges; this needs the time of receipt, which only the server knows.
import type { PhotoRef, PhotoTaken } from '../schemas/photo-evidence';

/** How far a device's clock may run ahead of the server's before a photo's time is refused. */
export const PHOTO_CLOCK_TOLERANCE_MS = 10 * 60_000;

/**
 * The furthest east a time zone lies (UTC+14): a wall-clock time without a zone was at the
 * earliest this long before the same digits read as UTC.
 */
const EARLIEST_ZONE_MS = 14 * 3_600_000;

/** The earliest instant, in ms since the epoch, at which the photo may have been taken. */
export function earliestTakenMs(taken: PhotoTaken): number {
  if (taken.source === 'exifLocal') return Date.parse(`${taken.at}Z`) - EARLIEST_ZONE_MS;
  return Date.parse(taken.at);
}

/** Whether the photo's stated time is later than `receivedAt` beyond the tolerance. */
export function takenAfterReceipt(taken: PhotoTaken, receivedAt: Date): boolean {
  return earliestTakenMs(taken) > receivedAt.getTime() + PHOTO_CLOCK_TOLERANCE_MS;
}

interface WithPhotos {
  photos?: readonly PhotoRef[];
}

interface FindingPhotos extends WithPhotos {
  verification?: WithPhotos | null;
  history?: readonly { kind: string; verification?: WithPhotos }[];
}

/**
 * The path (as in a refusal: `photos.0.taken.at`) of the first photo of a hazard whose time
 * is later than its receipt; null when none is.
 */
export function photoTakenTooLate(finding: FindingPhotos, receivedAt: Date): string | null {
  const lists: [string, readonly PhotoRef[] | undefined][] = [
    ['photos', finding.photos],
    ['verification.photos', finding.verification?.photos],
    ...(finding.history ?? []).map((event, i): [string, readonly PhotoRef[] | undefined] => [
      `history.${i}.verification.photos`,
      event.verification?.photos,
    ]),
  ];
  for (const [path, photos] of lists) {
    const late = (photos ?? []).findIndex(
      (photo) => photo.taken !== undefined && takenAfterReceipt(photo.taken, receivedAt),
    );
    if (late >= 0) return `${path}.${late}.taken.at`;
  }
  return null;
}
