import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceRef } from '../../../../domain/schemas/penalty-case';
import type { PhotoBlobStore } from '../../shared/photo-blob-store';
import type { EvidenceItem } from './case-evidence-items';
import { evidenceKey } from './case-evidence-items';
import { EvidenceLabel } from './EvidencePicker';

interface Props {
  refs: readonly EvidenceRef[];
  /** The enterprise's records on this device; undefined while they are read. */
  items: EvidenceItem[] | undefined;
  store: PhotoBlobStore;
}

/**
 * The evidence linked to a case, each by its name. An item this device does not hold (not yet
 * pulled, or since removed) is named by its kind and the start of its id, and says so.
 */
export function CaseEvidenceList({ refs, items, store }: Props) {
  const { t } = useTranslation();
  const byKey = new Map((items ?? []).map((item) => [item.key, item]));
  return (
    <List
      size="small"
      locale={{ emptyText: t('cases.noEvidence') }}
      dataSource={[...refs]}
      loading={items === undefined && refs.length > 0}
      renderItem={(ref) => {
        const item = byKey.get(evidenceKey(ref));
        return (
          <List.Item>
            <Typography.Text type="secondary">
              {t(`cases.evidenceKinds.${ref.kind}`)}
            </Typography.Text>
            &nbsp;
            {item ? (
              <EvidenceLabel item={item} store={store} />
            ) : (
              <span>
                {t('cases.evidenceNotHere', {
                  id: (ref.kind === 'photo' ? ref.sha256 : ref.id).slice(0, 12),
                })}
              </span>
            )}
          </List.Item>
        );
      }}
    />
  );
}
