import { Button, Result, Spin } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import { isPrintableDocument } from './document-kinds';
import type { PrintableDocument } from './document-kinds';
import { DOC } from './document-text';
import { PrintToolbar } from './PrintToolbar';
import { InspectionRecordDocument } from './InspectionRecordDocument';
import { RectificationOrderDocument } from './RectificationOrderDocument';
import { ReinspectionOpinionDocument } from './ReinspectionOpinionDocument';
import { useBlobUrls } from './useBlobUrls';
import { useDocumentData } from './useDocumentData';
import { receiptBlobHashes } from './ServiceReceipt';
import { ServiceReceiptDialog } from './ServiceReceiptDialog';
import { recordServiceReceipt } from '../../db/repositories/service-receipts';
import { useProfile } from '../../session/session-context';
import type { DocumentData } from './useDocumentData';
import { usePrintReady } from './usePrintReady';
import './print.css';

const TITLES: Record<PrintableDocument, string> = {
  record: DOC.recordTitle,
  order: DOC.orderTitle,
  reinspection: DOC.reinspectionTitle,
};

function blobHashes(data: DocumentData | null | undefined, document: PrintableDocument): string[] {
  if (!data) return [];
  const signatures = data.inspection.signatures.map((s) => s.image.sha256);
  const photos =
    document === 'record'
      ? data.findings.flatMap((f) => f.photos.map((p) => p.sha256))
      : document === 'reinspection'
        ? data.findings.flatMap((f) => f.verification?.photos.map((p) => p.sha256) ?? [])
        : [];
  const receipts =
    document === 'order'
      ? receiptBlobHashes(data.inspection.serviceReceipts)
      : document === 'reinspection'
        ? receiptBlobHashes(data.reinspections.at(-1)?.serviceReceipts)
        : [];
  return [...signatures, ...photos, ...receipts];
}

/** A file name the platform accepts: the document, the enterprise and the date. */
export function pdfFileName(document: PrintableDocument, data: DocumentData): string {
  const enterprise = (data.enterprise?.name ?? '').replace(/[/\\:*?"<>|]/g, '');
  const day = chinaDateOf(data.inspection.finishedAt ?? data.inspection.startedAt);
  return (
    [TITLES[document], enterprise, day]
      .filter((p) => p !== '')
      .join('-')
      .slice(0, 190) + '.pdf'
  );
}

/**
 * The print route: one document of an inspection and nothing of the app around it, so that
 * Electron's printToPDF (which prints the whole window) and the browser's print see only the
 * page. The toolbar is hidden by the print style sheet.
 */
export function PrintScreen() {
  const { t } = useTranslation();
  const params = useParams();
  const document = isPrintableDocument(params.document) ? params.document : null;
  const data = useDocumentData(params.id ?? '');
  const blobs = useBlobUrls(blobHashes(data, document ?? 'record'));
  const sheet = useRef<HTMLDivElement>(null);
  const ready = usePrintReady(sheet, data !== undefined && blobs.loaded);
  const [receiptOpen, setReceiptOpen] = useState(false);
  const { db } = useProfile();

  if (document === null || data === null) {
    return <Result status="404" title={t('documents.notFound')} />;
  }
  if (data === undefined) return <Spin />;

  // The inspection whose document is served: the order's own, an opinion's visit.
  const serving =
    document === 'order'
      ? data.inspection
      : document === 'reinspection'
        ? (data.reinspections.at(-1) ?? null)
        : null;
  const unserved =
    serving !== null &&
    serving.status === 'submitted' &&
    !(serving.serviceReceipts ?? []).some((r) => r.document === document);

  return (
    <div className="fi-print-page" data-print-ready={ready ? 'true' : 'false'}>
      <PrintToolbar fileName={pdfFileName(document, data)} ready={ready}>
        {unserved ? (
          <Button onClick={() => setReceiptOpen(true)}>{t('receipt.record')}</Button>
        ) : null}
      </PrintToolbar>
      {receiptOpen && serving && document !== 'record' ? (
        <ServiceReceiptDialog
          document={document}
          servedBy={[serving.leadInspectorId, ...serving.coInspectorIds]}
          recipient={serving.enterpriseRep}
          save={async (receipt) => {
            await recordServiceReceipt(db, serving.id, receipt);
          }}
          onClose={() => setReceiptOpen(false)}
        />
      ) : null}
      <div ref={sheet}>
        {document === 'record' ? (
          <InspectionRecordDocument data={data} urls={blobs.urls} />
        ) : document === 'reinspection' ? (
          <ReinspectionOpinionDocument data={data} urls={blobs.urls} />
        ) : (
          <RectificationOrderDocument data={data} urls={blobs.urls} />
        )}
      </div>
    </div>
  );
}
