import { Alert, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { caseDocumentKindSchema } from '../../../../domain/schemas/penalty-case';
import { PrintToolbar } from '../documents/PrintToolbar';
import { ServiceReceipt, receiptBlobHashes } from '../documents/ServiceReceipt';
import { CaseDocument } from './CaseDocument';
import { CASE_DOC_TITLES } from './case-document-text';
import { useCaseNames } from './useCaseNames';
import { useCasePrint } from './useCasePrint';
import { useServerBlobUrls } from '../documents/useBlobUrls';
import '../documents/print.css';

/** The print route of one case document: the page alone, read from the server. */
export function CasePrintScreen() {
  const { t } = useTranslation();
  const params = useParams();
  const names = useCaseNames();
  const kind = caseDocumentKindSchema.safeParse(params.document);
  const { state: loaded, issuer } = useCasePrint(params.id ?? '');
  const receipt =
    loaded.status === 'ready' && kind.success
      ? loaded.data.serviceReceipts?.find((r) => r.document === kind.data)
      : undefined;
  const blobs = useServerBlobUrls(receiptBlobHashes(receipt ? [receipt] : []));

  if (loaded.status === 'offline') return <Alert type="info" showIcon title={t('cases.offline')} />;
  if (!kind.success || loaded.status === 'failed') {
    return <Result status="404" title={t('documents.notFound')} />;
  }
  if (loaded.status === 'loading' || issuer === undefined || !names.loaded) return <Spin />;
  const theCase = loaded.data;
  const entry = theCase.documents.find((d) => d.kind === kind.data);
  if (!entry) return <Result status="404" title={t('documents.notFound')} />;

  const fileName = `${CASE_DOC_TITLES[kind.data]}-${theCase.number ?? theCase.id}.pdf`.replace(
    /[/\\:*?"<>|]/g,
    '',
  );

  return (
    <div className="fi-print-page" data-print-ready={blobs.loaded ? 'true' : 'false'}>
      <PrintToolbar fileName={fileName} ready={blobs.loaded} />
      <CaseDocument theCase={theCase} kind={kind.data} issuer={issuer} names={names} />
      {receipt ? (
        <ServiceReceipt
          receipt={receipt}
          served={`${CASE_DOC_TITLES[kind.data]}（${entry.number}）`}
          enterpriseName={names.enterprise(theCase.enterpriseId)}
          officers={receipt.servedBy.map((id) => ({ id, displayName: names.user(id) }))}
          urls={blobs.urls}
        />
      ) : null}
    </div>
  );
}
