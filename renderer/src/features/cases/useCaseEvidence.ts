// The records of a case's enterprise on this device, named for the evidence picker and the
// drawer's list of linked evidence. Undefined while they are read.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { readEnterpriseEvidence } from '../../db/repositories/case-evidence';
import { photoBlobStoreFor } from '../../db/repositories/photo-blob-store';
import type { PhotoBlobStore } from '../../shared/photo-blob-store';
import { useProfile } from '../../session/session-context';
import type { EvidenceItem } from './case-evidence-items';
import { evidenceItems } from './case-evidence-items';

export interface CaseEvidence {
  items: EvidenceItem[] | undefined;
  /** The store the photos' thumbnails are read from. */
  store: PhotoBlobStore;
}

export function useCaseEvidence(enterpriseId: string, user: (id: string) => string): CaseEvidence {
  const { db } = useProfile();
  const { t } = useTranslation();
  const records = useLiveQuery(() => readEnterpriseEvidence(db, enterpriseId), [db, enterpriseId]);
  const items = useMemo(
    () => (records ? evidenceItems(records, t, user) : undefined),
    [records, t, user],
  );
  return { items, store: photoBlobStoreFor(db) };
}
