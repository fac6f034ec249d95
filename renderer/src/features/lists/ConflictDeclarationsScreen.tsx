import { Button, Empty, Flex, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerLoadNotice } from '../common/ServerLoadNotice';
import type { ConflictDeclaration } from '../../../../domain/schemas/officer';
import { useProfile } from '../../session/session-context';
import { formatDateTime } from '../common/format-date';
import { conflictDeclarationProblem } from '../../../../domain/rules/conflict-declarations';
import { splitConflicts } from './conflict-view';
import { DeclareConflictModal } from './DeclareConflictModal';
import { useListAction } from './useListAction';
import { useConflictDeclarations, useDirectory, useListsClient } from './useLists';

/**
 * 回避声明: the conflicts declared by the user, and for a supervisor by the agency's officers, in
 * force and withdrawn; declared and withdrawn on the server, so online only.
 */
export function ConflictDeclarationsScreen() {
  const { t, i18n } = useTranslation();
  const names = useDirectory(i18n.language === 'en' ? 'en' : 'zh');
  const { session } = useProfile();
  const me = session.user;
  const { state, reload } = useConflictDeclarations();
  const client = useListsClient();
  const { busy, run } = useListAction();
  const [declaring, setDeclaring] = useState(false);
  const lists = state.status === 'ready' ? splitConflicts(state.data) : null;

  const mayWithdraw = (d: ConflictDeclaration) => {
    const officer = names.users.find((u) => u.id === d.officerId);
    return officer !== undefined && conflictDeclarationProblem(me, officer) === null;
  };

  const base = [
    {
      key: 'officer',
      title: t('lists.conflicts.officer'),
      width: 110,
      render: (_: unknown, d: ConflictDeclaration) => names.user(d.officerId),
    },
    {
      key: 'enterprise',
      title: t('lists.conflicts.enterprise'),
      render: (_: unknown, d: ConflictDeclaration) => names.enterprise(d.enterpriseId),
    },
    { key: 'reason', title: t('lists.conflicts.reason'), dataIndex: 'reason' },
    {
      key: 'declaredAt',
      title: t('lists.conflicts.declaredAt'),
      width: 150,
      render: (_: unknown, d: ConflictDeclaration) => formatDateTime(d.declaredAt),
    },
    {
      key: 'declaredBy',
      title: t('lists.conflicts.declaredBy'),
      width: 100,
      render: (_: unknown, d: ConflictDeclaration) => names.user(d.createdBy),
    },
  ];
  const inForceColumns = [
    ...base,
    {
      key: 'actions',
      title: '',
      width: 90,
      render: (_: unknown, d: ConflictDeclaration) =>
        mayWithdraw(d) ? (
          <Popconfirm
            title={t('lists.conflicts.withdrawConfirm')}
            onConfirm={() =>
              void run(() => client.withdrawConflict(d.id), t('lists.conflicts.withdrawn')).then(
                (done) => done && reload(),
              )
            }
          >
            <Button
              size="small"
              danger
              loading={busy}
              aria-label={t('lists.conflicts.withdrawNamed', {
                officer: names.user(d.officerId),
                enterprise: names.enterprise(d.enterpriseId),
              })}
            >
              {t('lists.conflicts.withdraw')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  const withdrawnColumns = [
    ...base,
    {
      key: 'withdrawnAt',
      title: t('lists.conflicts.withdrawnAt'),
      width: 150,
      render: (_: unknown, d: ConflictDeclaration) => formatDateTime(d.deletedAt),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('lists.conflicts.title')}
        </Typography.Title>
        <Flex gap={8}>
          <Button
            type="primary"
            disabled={state.status !== 'ready' || me.role === 'admin'}
            onClick={() => setDeclaring(true)}
          >
            {t('lists.conflicts.declare')}
          </Button>
          <Button onClick={reload}>{t('lists.conflicts.reload')}</Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('lists.conflicts.intro')}
      </Typography.Paragraph>
      <ServerLoadNotice
        state={state}
        offline={t('lists.conflicts.offline')}
        failed={(message) => t('lists.conflicts.failed', { message })}
      />
      {lists ? (
        <>
          <DeclarationTable
            title={t('lists.conflicts.inForce')}
            empty={t('lists.conflicts.emptyInForce')}
            columns={inForceColumns}
            rows={lists.inForce}
          />
          <DeclarationTable
            title={t('lists.conflicts.withdrawnList')}
            empty={t('lists.conflicts.emptyWithdrawn')}
            columns={withdrawnColumns}
            rows={lists.withdrawn}
          />
        </>
      ) : null}
      {declaring ? (
        <DeclareConflictModal
          me={me}
          names={names}
          onClose={(saved) => {
            setDeclaring(false);
            if (saved) reload();
          }}
        />
      ) : null}
    </Flex>
  );
}

/** One list of declarations under its heading, or its empty state. */
function DeclarationTable(props: {
  title: string;
  empty: string;
  columns: TableColumnsType<ConflictDeclaration>;
  rows: ConflictDeclaration[];
}) {
  return (
    <>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {props.title}
      </Typography.Title>
      {props.rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} />
      ) : (
        <Table<ConflictDeclaration>
          aria-label={props.title}
          rowKey="id"
          size="small"
          columns={props.columns}
          dataSource={props.rows}
          pagination={false}
        />
      )}
    </>
  );
}
