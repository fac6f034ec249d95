import { Alert, App, Button, Flex, Spin, Steps, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportPreview } from '../../../../../domain/schemas/admin-content';
import { ImportProblemsTable } from './ImportProblemsTable';
import { useEnterpriseImport } from './useEnterpriseImport';
import { useRegistryFiles } from './useRegistryFiles';

const STEP_INDEX = {
  choose: 0,
  checking: 1,
  checked: 1,
  offline: 1,
  failed: 1,
  importing: 2,
  done: 3,
};

function Counts({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Typography.Text role="status">
      {t('adminEnterprises.importCounts', preview.counts)}
    </Typography.Text>
  );
}

/** 导入企业名录: a .xlsx or .csv file, checked by the server, imported only once confirmed. */
export function EnterpriseImportScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const { state, check, confirm, reset } = useEnterpriseImport();
  const files = useRegistryFiles();
  const inputId = useId();

  const confirmImport = () =>
    state.step === 'checked' &&
    void modal.confirm({
      title: t('adminEnterprises.importConfirm', { file: state.fileName }),
      content: t('adminEnterprises.importCounts', state.preview.counts),
      okText: t('adminEnterprises.importNow'),
      onOk: () => void confirm(),
    });

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('adminEnterprises.importTitle')}
        </Typography.Title>
        <Flex gap={8}>
          <Button loading={files.busy === 'template'} onClick={() => void files.save('template')}>
            {t('adminEnterprises.downloadTemplate')}
          </Button>
          <Button onClick={() => void navigate('/admin/enterprises')}>
            {t('adminEnterprises.backToList')}
          </Button>
        </Flex>
      </Flex>
      <Steps
        size="small"
        current={STEP_INDEX[state.step]}
        items={[
          { title: t('adminEnterprises.stepChoose') },
          { title: t('adminEnterprises.stepCheck') },
          { title: t('adminEnterprises.stepImport') },
          { title: t('adminEnterprises.stepDone') },
        ]}
      />
      <Typography.Text type="secondary">{t('adminEnterprises.importExplained')}</Typography.Text>
      <Typography.Text type="secondary">
        {t('adminEnterprises.importUnitsExplained')}
      </Typography.Text>
      <Flex gap={8} align="center">
        <label htmlFor={inputId}>{t('adminEnterprises.chooseFile')}</label>
        <input
          id={inputId}
          type="file"
          accept=".xlsx,.csv"
          disabled={state.step === 'checking' || state.step === 'importing'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void check(file);
          }}
        />
      </Flex>
      {state.step === 'checking' ? (
        <Spin tip={t('adminEnterprises.checking', { file: state.fileName })}>
          <div style={{ height: 48 }} />
        </Spin>
      ) : null}
      {state.step === 'importing' ? (
        <Spin tip={t('adminEnterprises.importing', { count: state.rows })}>
          <div style={{ height: 48 }} />
        </Spin>
      ) : null}
      {state.step === 'offline' ? (
        <Alert type="info" showIcon title={t('adminEnterprises.offline')} />
      ) : null}
      {state.step === 'failed' ? (
        <Alert
          type="error"
          showIcon
          title={t('adminEnterprises.importFailed', { message: state.message })}
        />
      ) : null}
      {state.step === 'checked' ? (
        <Flex vertical gap={8}>
          <Counts preview={state.preview} />
          {state.preview.ignoredColumns.length > 0 ? (
            <Typography.Text type="secondary">
              {t('adminEnterprises.ignoredColumns', {
                columns: state.preview.ignoredColumns.join('、'),
              })}
            </Typography.Text>
          ) : null}
          {state.preview.ok ? (
            <Alert
              type="success"
              showIcon
              title={t('adminEnterprises.importReady')}
              action={
                <Button type="primary" onClick={confirmImport}>
                  {t('adminEnterprises.importNow')}
                </Button>
              }
            />
          ) : (
            <>
              <Alert
                type="error"
                showIcon
                title={t('adminEnterprises.importBad', { count: state.preview.counts.invalid })}
              />
              <ImportProblemsTable preview={state.preview} />
            </>
          )}
        </Flex>
      ) : null}
      {state.step === 'done' ? (
        <Alert
          type="success"
          showIcon
          title={t('adminEnterprises.imported')}
          description={<Counts preview={state.preview} />}
          action={<Button onClick={reset}>{t('adminEnterprises.importAnother')}</Button>}
        />
      ) : null}
    </Flex>
  );
}
