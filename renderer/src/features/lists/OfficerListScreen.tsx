import { Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../session/session-context';
import { ListState } from '../common/ListState';
import type { OfficerRow, OfficerStatus } from './officer-list-view';
import { useDirectory, useOfficerRows } from './useLists';

const STATUS_COLOURS: Record<OfficerStatus, string | undefined> = {
  eligible: 'green',
  onLeave: 'gold',
  certificateExpired: 'red',
  noCertificate: 'red',
  noCertificateExpiry: 'red',
};

/**
 * 执法检查人员名录库: the inspectors of an agency from this device's user directory (so it
 * works offline), with their certificate, its expiry and their leave, and who a draw leaves off.
 */
export function OfficerListScreen() {
  const { t, i18n } = useTranslation();
  const { session } = useProfile();
  const names = useDirectory(i18n.language === 'en' ? 'en' : 'zh');
  const [agencyId, setAgencyId] = useState<string | null>(session.user.agencyId);
  const rows = useOfficerRows(agencyId);
  const agencies = [...new Set(names.users.map((u) => u.agencyId))];

  const columns = [
    { key: 'name', title: t('lists.officers.name'), dataIndex: 'displayName', width: 110 },
    ...(agencyId === null
      ? [
          {
            key: 'agency',
            title: t('lists.officers.agency'),
            render: (_: unknown, r: OfficerRow) => names.agency(r.agencyId),
          },
        ]
      : []),
    {
      key: 'certificateNo',
      title: t('lists.officers.certificateNo'),
      width: 150,
      render: (_: unknown, r: OfficerRow) => r.certificateNo ?? '—',
    },
    {
      key: 'expiresOn',
      title: t('lists.officers.expiresOn'),
      width: 110,
      render: (_: unknown, r: OfficerRow) => r.certificateExpiresOn ?? '—',
    },
    {
      key: 'leave',
      title: t('lists.officers.leave'),
      render: (_: unknown, r: OfficerRow) =>
        r.currentLeave.length === 0 ? (
          t('lists.officers.noLeave')
        ) : (
          <Flex vertical>
            {r.currentLeave.map((l) => (
              <span key={`${l.from}/${l.to}`}>
                {t('lists.officers.leavePeriod', { from: l.from, to: l.to })}
                {l.note ? ` (${l.note})` : ''}
              </span>
            ))}
          </Flex>
        ),
    },
    {
      key: 'status',
      title: t('lists.officers.status'),
      render: (_: unknown, r: OfficerRow) => (
        <Tag color={STATUS_COLOURS[r.status]}>{t(`lists.officers.statuses.${r.status}`)}</Tag>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('lists.officers.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('lists.officers.intro')}
      </Typography.Paragraph>
      <Select<string>
        style={{ width: 260 }}
        aria-label={t('lists.officers.agency')}
        value={agencyId ?? ''}
        onChange={(v) => setAgencyId(v === '' ? null : v)}
        options={[
          { value: '', label: t('lists.officers.allAgencies') },
          ...agencies.map((id) => ({ value: id, label: names.agency(id) })),
        ]}
      />
      <ListState rows={rows} empty={t('lists.officers.empty')}>
        {(list) => (
          <Table<OfficerRow>
            rowKey="userId"
            size="small"
            columns={columns}
            dataSource={list}
            pagination={false}
          />
        )}
      </ListState>
    </Flex>
  );
}
