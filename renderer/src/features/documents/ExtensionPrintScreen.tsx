import { Button, Result, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { mayRecordExtensionReceipt } from '../../../../domain/rules/extension-receipt';
import { recordExtensionReceipt } from '../../db/repositories/service-receipts';
import { useProfile } from '../../session/session-context';
import { EXTENSION_DOC, ExtensionDecisionDocument } from './ExtensionDecisionDocument';
import { PrintToolbar } from './PrintToolbar';
import { receiptBlobHashes } from './ServiceReceipt';
import { ServiceReceiptDialog } from './ServiceReceiptDialog';
import { useBlobUrls } from './useBlobUrls';
import { useExtensionDecision } from './useExtensionDecision';
import './print.css';

/**
 * The print route of a granted extension's decision: the page alone, from this device, with its
 * service receipt, which one who may serve it records here (offline, synced with the hazard).
 */
export function ExtensionPrintScreen() {
  const { t } = useTranslation();
  const params = useParams();
  const { db, session } = useProfile();
  const findingId = params.findingId ?? '';
  const data = useExtensionDecision(findingId, params.extensionId ?? '');
  const receipt = data?.request.serviceReceipt;
  const blobs = useBlobUrls(receiptBlobHashes(receipt ? [receipt] : []));
  const [receiptOpen, setReceiptOpen] = useState(false);
  if (data === null) return <Result status="404" title={t('documents.notFound')} />;
  if (data === undefined) return <Spin />;

  // Recorded by one who may serve it, as the server requires; others print the page only.
  const [lead = '', ...co] = data.servers;
  const mayRecord = mayRecordExtensionReceipt(
    data.request,
    { leadInspectorId: lead, coInspectorIds: co },
    session.user,
  );
  const name = `${EXTENSION_DOC.title}-${data.enterpriseName}-${data.request.requestedOn}`;
  const fileName = `${name.replace(/[/\\:*?"<>|]/g, '').slice(0, 190)}.pdf`;

  return (
    <div className="fi-print-page" data-print-ready={blobs.loaded ? 'true' : 'false'}>
      <PrintToolbar fileName={fileName} ready={blobs.loaded}>
        {receipt || !mayRecord ? null : (
          <Button onClick={() => setReceiptOpen(true)}>{t('receipt.record')}</Button>
        )}
      </PrintToolbar>
      {receiptOpen ? (
        <ServiceReceiptDialog
          document="extension"
          servedBy={data.servers}
          save={async (input) => {
            await recordExtensionReceipt(db, findingId, data.request.id, input);
          }}
          onClose={() => setReceiptOpen(false)}
        />
      ) : null}
      <ExtensionDecisionDocument data={data} urls={blobs.urls} />
    </div>
  );
}
