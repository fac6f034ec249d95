import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EXTENSION_DOC, ExtensionDecisionDocument } from './ExtensionDecisionDocument';
import { PrintToolbar } from './PrintToolbar';
import { useExtensionDecision } from './useExtensionDecision';
import './print.css';

/** The print route of a granted extension's decision: the page alone, from this device. */
export function ExtensionPrintScreen() {
  const { t } = useTranslation();
  const params = useParams();
  const data = useExtensionDecision(params.findingId ?? '', params.extensionId ?? '');
  if (data === null) return <Result status="404" title={t('documents.notFound')} />;
  if (data === undefined) return <Spin />;

  const name = `${EXTENSION_DOC.title}-${data.enterpriseName}-${data.request.requestedOn}`;
  const fileName = `${name.replace(/[/\\:*?"<>|]/g, '').slice(0, 190)}.pdf`;

  return (
    <div className="fi-print-page" data-print-ready="true">
      <PrintToolbar fileName={fileName} />
      <ExtensionDecisionDocument data={data} />
    </div>
  );
}
