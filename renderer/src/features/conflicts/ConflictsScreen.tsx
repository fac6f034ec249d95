import { App, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../session/session-context';
import {
  ConflictChoiceError,
  dismissConflictChoice,
  queueConflictChoice,
} from '../../db/repositories/conflict-log';
import type { ConflictResolution } from '../../../../domain/sync/protocol';
import { ListState } from '../common/ListState';
import { ReviewerScreen } from '../common/ReviewerScreen';
import { formatDateTime } from '../common/format-date';
import { ConflictCard } from './ConflictCard';
import { useConflictEntries, useConflictLogFetchedAt } from './useConflictEntries';

type Shown = 'open' | 'resolved';

function ConflictList() {
  const { t, i18n } = useTranslation();
  const { db, engine } = useProfile();
  const { message } = App.useApp();
  const [shown, setShown] = useState<Shown>('open');
  const entries = useConflictEntries(shown);
  const fetchedAt = useConflictLogFetchedAt();

  async function choose(conflictId: string, keep: ConflictResolution): Promise<void> {
    try {
      await queueConflictChoice(db, conflictId, keep, new Date());
      void message.success(t('conflicts.queued'));
      void engine.syncNow();
    } catch (error) {
      void message.error(
        error instanceof ConflictChoiceError
          ? t(`conflicts.notChosen.${error.reason}`)
          : t('conflicts.saveFailed'),
      );
    }
  }

  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center" wrap>
        <Segmented<Shown>
          aria-label={t('conflicts.show')}
          value={shown}
          onChange={setShown}
          options={[
            { value: 'open', label: t('conflicts.open') },
            { value: 'resolved', label: t('conflicts.resolved') },
          ]}
        />
        {fetchedAt === undefined ? null : (
          <Typography.Text type="secondary">
            {fetchedAt
              ? t('conflicts.fetchedAt', { at: formatDateTime(fetchedAt, i18n.language) })
              : t('conflicts.neverFetched')}
          </Typography.Text>
        )}
      </Flex>
      <ListState
        rows={entries}
        empty={shown === 'open' ? t('conflicts.emptyOpen') : t('conflicts.emptyResolved')}
      >
        {(list) => (
          <Flex vertical gap={12}>
            {list.map((entry) => (
              <ConflictCard
                key={entry.conflict.id}
                entry={entry}
                onChoose={(keep) => void choose(entry.conflict.id, keep)}
                onDismiss={() => void dismissConflictChoice(db, entry.conflict.id)}
              />
            ))}
          </Flex>
        )}
      </ListState>
    </Flex>
  );
}

/**
 * The conflicts sync logged (a field changed in two places; the later change won), for
 * supervisors and admins to keep the current value or restore the overwritten one. Read from the
 * copy fetched at the last sync, so it works offline; choices are queued and sent by the sync.
 */
export function ConflictsScreen() {
  const { t } = useTranslation();
  return (
    <ReviewerScreen title={t('conflicts.title')} inspectorNotice={t('conflicts.supervisorsOnly')}>
      <ConflictList />
    </ReviewerScreen>
  );
}
