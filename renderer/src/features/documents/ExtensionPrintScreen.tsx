import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Result, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { EXTENSION_DOC, ExtensionDecisionDocument } from './ExtensionDecisionDocument';
import { useExtensionDecision } from './useExtensionDecision';
import './print.css';

/** The print route of a granted extension's decision: the page alone, from this device. */
export function ExtensionPrintScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const data = useExtensionDecision(params.findingId ?? '', params.extensionId ?? '');
  const [printing, setPrinting] = useState(false);
  if (data === null) return <Result status="404" title={t('documents.notFound')} />;
  if (data === undefined) return <Spin />;

  const print = async () => {
    setPrinting(true);
    try {
      const name = `${EXTENSION_DOC.title}-${data.enterpriseName}-${data.request.requestedOn}`;
      const result = await window.api.printToPdf({
        defaultName: `${name.replace(/[/\\:*?"<>|]/g, '').slice(0, 190)}.pdf`,
      });
      if (result.saved) void message.success(t('documents.saved', { path: result.path ?? '' }));
    } catch {
      void message.error(t('documents.printFailed'));
    } finally {
      setPrinting(false);
    }
  };

  return (
    <div className="fi-print-page" data-print-ready="true">
      <nav className="fi-print-toolbar" aria-label={t('documents.toolbar')}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {t('documents.back')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          loading={printing}
          onClick={() => void print()}
        >
          {t('documents.print')}
        </Button>
      </nav>
      <ExtensionDecisionDocument data={data} />
    </div>
  );
}
