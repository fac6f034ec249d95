// What the evidence picker offers and the case drawer shows for a linked item: each record of
// the case's enterprise on this device named as an officer knows it (an inspection by its day
// and officers, a hazard by its title, a photo by its hazard, a document by its number), keyed by
// the reference the server stores.
import type { TFunction } from 'i18next';
import type { Finding } from '../../../../domain/schemas/finding';
import type { EvidenceRef } from '../../../../domain/schemas/penalty-case';
import type { PhotoRef } from '../../../../domain/schemas/photo-evidence';
import type { EnterpriseEvidence } from '../../db/repositories/case-evidence';
import { formatDate, formatDateTime } from '../common/format-date';

export interface EvidenceItem {
  key: string;
  ref: EvidenceRef;
  title: string;
  detail: string;
  /** A photo's hash, for its thumbnail. */
  sha256?: string;
}

/** One key per reference: two references to the same record have the same key. */
export function evidenceKey(ref: EvidenceRef): string {
  return ref.kind === 'photo' ? `photo:${ref.sha256}` : `${ref.kind}:${ref.id}`;
}

/**
 * The photos a hazard holds as photos, as the server counts them: its own, then its
 * re-inspections' (the latest and those kept in its history), each once.
 */
export function photosOf(f: Finding): PhotoRef[] {
  const all = [
    ...f.photos,
    ...(f.verification?.photos ?? []),
    ...(f.history ?? []).flatMap((e) => (e.kind === 'reinspected' ? e.verification.photos : [])),
  ];
  const seen = new Set<string>();
  return all.filter((p) => !seen.has(p.sha256) && seen.add(p.sha256));
}

const day = (iso: string) => formatDate(new Date(iso));

export function evidenceItems(
  records: EnterpriseEvidence,
  t: TFunction,
  user: (id: string) => string,
): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const seenPhotos = new Set<string>();
  for (const i of records.inspections) {
    items.push({
      key: evidenceKey({ kind: 'inspection', id: i.id }),
      ref: { kind: 'inspection', id: i.id },
      title: t('cases.evidenceInspection', { day: day(i.startedAt) }),
      detail: [i.leadInspectorId, ...i.coInspectorIds].map(user).join(t('admin.listSeparator')),
    });
  }
  for (const f of records.findings) {
    items.push({
      key: evidenceKey({ kind: 'finding', id: f.id }),
      ref: { kind: 'finding', id: f.id },
      title: f.title,
      detail: `${t(`grade.${f.grade}`)} · ${t('cases.evidenceDeadline', { day: f.deadline })}`,
    });
  }
  for (const f of records.findings) {
    const photos = photosOf(f);
    photos.forEach((p, index) => {
      if (seenPhotos.has(p.sha256)) return;
      seenPhotos.add(p.sha256);
      const taken = p.taken ? ` · ${formatDateTime(p.taken.at)}` : '';
      items.push({
        key: evidenceKey({ kind: 'photo', sha256: p.sha256 }),
        ref: { kind: 'photo', sha256: p.sha256 },
        title: f.title,
        detail: `${t('cases.evidencePhotoOf', { index: index + 1, total: photos.length })}${taken}`,
        sha256: p.sha256,
      });
    });
  }
  for (const d of records.documents) {
    items.push({
      key: evidenceKey({ kind: 'document', id: d.id }),
      ref: { kind: 'document', id: d.id },
      title: d.number,
      detail: `${t(`register.kinds.${d.kind}`)} · ${d.issuedOn}`,
    });
  }
  return items;
}
