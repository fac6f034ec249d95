// The running sync's phase as a sentence for people.
import type { TFunction } from 'i18next';
import type { SyncProgress } from '../../sync/sync-cycle';

export function syncProgressText(progress: SyncProgress, t: TFunction): string {
  switch (progress.phase) {
    case 'blobs':
      return t('syncDetail.phaseBlobs', { done: progress.done, total: progress.total });
    case 'push':
      return t('syncDetail.phasePush', { done: progress.done, total: progress.total });
    case 'pull':
      return t('syncDetail.phasePull', { count: progress.applied + progress.deleted });
  }
}
