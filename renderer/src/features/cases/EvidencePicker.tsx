import { Flex, Select, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceKinds } from '../../../../domain/schemas/penalty-case';
import type { PhotoBlobStore } from '../../shared/photo-blob-store';
import { PhotoImage } from '../photos/PhotoImage';
import type { EvidenceItem } from './case-evidence-items';

interface Props {
  /** Undefined while the device's records are read. */
  items: EvidenceItem[] | undefined;
  /** Keys of the evidence the case already holds: shown, marked, not offered again. */
  linked: ReadonlySet<string>;
  store: PhotoBlobStore;
  value: string | null;
  onChange: (key: string | null) => void;
}

const thumb: CSSProperties = { width: 32, height: 32, objectFit: 'cover', borderRadius: 4 };

/** One item as the picker and the drawer show it: a photo's thumbnail, its name, what it is. */
export function EvidenceLabel({
  item,
  store,
  linked = false,
}: {
  item: EvidenceItem;
  store: PhotoBlobStore;
  linked?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center">
      {item.sha256 ? (
        <PhotoImage store={store} sha256={item.sha256} alt={item.title} style={thumb} />
      ) : null}
      <span>
        {item.title} <Typography.Text type="secondary">{item.detail}</Typography.Text>
      </span>
      {linked ? <Tag>{t('cases.evidenceLinked')}</Tag> : null}
    </Flex>
  );
}

/**
 * Chooses evidence among the records of the case's enterprise on this device, grouped by kind,
 * searched by name as one types; the arrow keys and Enter choose, as in any select.
 */
export function EvidencePicker({ items, linked, store, value, onChange }: Props) {
  const { t } = useTranslation();
  const groups = evidenceKinds
    .map((kind) => ({
      label: t(`cases.evidenceKinds.${kind}`),
      title: t(`cases.evidenceKinds.${kind}`),
      options: (items ?? [])
        .filter((item) => item.ref.kind === kind)
        .map((item) => ({
          value: item.key,
          search: `${item.title} ${item.detail} ${t(`cases.evidenceKinds.${kind}`)}`,
          disabled: linked.has(item.key),
          label: <EvidenceLabel item={item} store={store} linked={linked.has(item.key)} />,
        })),
    }))
    .filter((group) => group.options.length > 0);
  return (
    <Select
      aria-label={t('cases.evidencePick')}
      placeholder={t('cases.evidencePick')}
      value={value}
      onChange={(key: string | undefined) => onChange(key ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'search' }}
      loading={items === undefined}
      notFoundContent={
        items === undefined
          ? t('cases.evidenceReading')
          : items.length === 0
            ? t('cases.evidenceNone')
            : t('cases.evidenceNoMatch')
      }
      options={groups}
      virtual={false}
      style={{ width: '100%' }}
    />
  );
}
