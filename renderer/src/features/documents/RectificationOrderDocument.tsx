import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import { DOC } from './document-text';
import { printedDocumentNumber } from './document-numbers';
import { DocumentHeading, FindingEntry, IssuedBy, SignatureBlock } from './DocumentParts';
import { ServiceReceipt } from './ServiceReceipt';
import type { DocumentData } from './useDocumentData';

interface Props {
  data: DocumentData;
  urls: ReadonlyMap<string, string>;
}

/** 责令限期整改指令书: the order to rectify each hazard by its deadline, for A4, in Chinese. */
export function RectificationOrderDocument({ data, urls }: Props) {
  const { inspection, enterprise, findings, agencies, documents } = data;
  const receipt = inspection.serviceReceipts?.find((r) => r.document === 'order');
  const issuer = agencies.map((a) => a.name).join('、');
  const { number, official } = printedDocumentNumber(
    'order',
    inspection,
    agencies[0]?.name,
    documents,
  );
  const issuedOn = chinaDateOf(inspection.finishedAt ?? inspection.startedAt);
  return (
    <article className="fi-document" aria-label={DOC.orderTitle}>
      <DocumentHeading issuer={issuer} title={DOC.orderTitle} number={number} />
      <p className="fi-doc-addressee">{enterprise?.name ?? inspection.enterpriseId}：</p>
      {findings.length === 0 ? (
        <p>{DOC.orderNone}</p>
      ) : (
        <>
          <p>{DOC.orderFound}</p>
          {findings.map((finding, i) => (
            <FindingEntry
              key={finding.id}
              finding={finding}
              index={i + 1}
              urls={urls}
              withPhotos={false}
            />
          ))}
          <p className="fi-doc-notice">{DOC.orderDemand}</p>
          <p className="fi-doc-notice">{DOC.orderAppeal}</p>
        </>
      )}
      <SignatureBlock inspection={inspection} urls={urls} repLabel={DOC.receipt} />
      <IssuedBy issuer={issuer} on={issuedOn} />
      {official ? null : <p className="fi-doc-footnote">{DOC.provisional}</p>}
      {receipt ? (
        <ServiceReceipt
          receipt={receipt}
          served={`${DOC.orderTitle}（${number}）`}
          enterpriseName={enterprise?.name ?? inspection.enterpriseId}
          officers={data.officers}
          urls={urls}
        />
      ) : null}
    </article>
  );
}
