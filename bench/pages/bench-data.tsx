// What both pages build the sync benchmark's records from: the inspections the server holds,
// and which hazards carry which photo.
import { benchFindings } from '../data/records';
import type { InspectionKey } from '../data/records';
import type { Finding } from '../../domain/schemas/finding';
import { benchPhoto } from './photo-bytes';
import type { BenchPhoto } from './photo-bytes';

export interface PushDataset {
  keys: InspectionKey[];
  hazards: number;
  photos: number;
  seed: number;
}

export interface BuiltPushData {
  findings: Finding[];
  /** photos[k] belongs to the hazard photoOwner(k). */
  photos: BenchPhoto[];
  photoOwner: (photoIndex: number) => number;
  /** Record JSON plus photo bytes: what both sides move, for MB/s. */
  payloadBytes: number;
}

/** Hazards with a photo are spread evenly: every (hazards / photos)-th one carries one. */
export async function buildPushData(spec: PushDataset): Promise<BuiltPushData> {
  const photos: BenchPhoto[] = [];
  for (let k = 0; k < spec.photos; k++) photos.push(await benchPhoto(k));
  const stride = Math.max(1, Math.floor(spec.hazards / Math.max(1, spec.photos)));
  const photoOf = new Map(photos.map((p, k) => [k * stride, p]));
  // Pushed as a device makes them: open. A later status comes only from the rectification steps
  // the server checks (a report, a passed re-inspection), which a new hazard does not carry.
  const findings = benchFindings(spec.keys, spec.hazards, spec.seed, (i) => {
    const photo = photoOf.get(i);
    return photo
      ? [{ sha256: photo.sha256, mime: 'image/jpeg', size: photo.bytes.byteLength }]
      : [];
  }).map((f) => ({ ...f, status: 'open' as const }));
  const payloadBytes =
    findings.reduce((sum, f) => sum + JSON.stringify(f).length, 0) +
    photos.reduce((sum, p) => sum + p.bytes.byteLength, 0);
  return { findings, photos, photoOwner: (k) => k * stride, payloadBytes };
}
