import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Result, Spin } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import { isPrintableDocument } from './document-kinds';
import type { PrintableDocument } from './document-kinds';
import { useAppInfo } from '../settings/useAppInfo';
import { DOC } from './document-text';
import { InspectionRecordDocument } from './InspectionRecordDocument';
import { RectificationOrderDocument } from './RectificationOrderDocument';
import { ReinspectionOpinionDocument } from './ReinspectionOpinionDocument';
import { useBlobUrls } from './useBlobUrls';
import { useDocumentData } from './useDocumentData';
import { receiptBlobHashes } from './ServiceReceipt';
import { ServiceReceiptDialog } from './ServiceReceiptDialog';
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
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const document = isPrintableDocument(params.document) ? params.document : null;
  const data = useDocumentData(params.id ?? '');
  const blobs = useBlobUrls(blobHashes(data, document ?? 'record'));
  const sheet = useRef<HTMLDivElement>(null);
  const ready = usePrintReady(sheet, data !== undefined && blobs.loaded);
  const [printing, setPrinting] = useState(false);
  const [receiptOpen, setReceiptOpen] = useState(false);
  const shell = useAppInfo()?.shell;

  if (document === null || data === null) {
    return <Result status="404" title={t('documents.notFound')} />;
  }
  if (data === undefined) return <Spin />;

  const print = async () => {
    setPrinting(true);
    try {
      const result = await window.api.printToPdf({ defaultName: pdfFileName(document, data) });
      if (result.saved) void message.success(t('documents.saved', { path: result.path ?? '' }));
    } catch {
      void message.error(t('documents.printFailed'));
    } finally {
      setPrinting(false);
    }
  };

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
      <nav className="fi-print-toolbar" aria-label={t('documents.toolbar')}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {t('documents.back')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!ready}
          loading={printing}
          onClick={() => void print()}
        >
          {t('documents.print')}
        </Button>
        {unserved ? (
          <Button onClick={() => setReceiptOpen(true)}>{t('receipt.record')}</Button>
        ) : null}
      </nav>
      {receiptOpen && serving && document !== 'record' ? (
        <ServiceReceiptDialog
          inspection={serving}
          document={document}
          onClose={() => setReceiptOpen(false)}
        />
      ) : null}
      {shell === 'web' ? (
        // In the browser the PDF comes from the print dialog: say so where the button is.
        <Alert
          className="fi-print-hint"
          type="info"
          showIcon
          title={t('documents.browserPdfHint', { name: pdfFileName(document, data) })}
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
