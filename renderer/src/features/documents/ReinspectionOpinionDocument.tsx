import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import { originalDeadline } from '../../../../domain/rules/rectification';
import type { Finding } from '../../../../domain/schemas/finding';
import { chineseDate, DOC } from './document-text';
import { printedDocumentNumber } from './document-numbers';
import { DocumentHeading, Field, FindingFrame, FindingPhotos, IssuedBy } from './DocumentParts';
import { ServiceReceipt } from './ServiceReceipt';
import type { DocumentData } from './useDocumentData';

interface Props {
  data: DocumentData;
  urls: ReadonlyMap<string, string>;
}

function ResultText({ finding }: { finding: Finding }) {
  const v = finding.verification;
  if (!v) return <>{DOC.notReinspected}</>;
  if (v.result === 'passed') return <strong>{DOC.passedText}</strong>;
  return <strong>{DOC.failedText(chineseDate(finding.deadline))}</strong>;
}

function ReinspectedFinding({ finding, index, urls }: Props & { finding: Finding; index: number }) {
  const v = finding.verification;
  return (
    <FindingFrame
      finding={finding}
      index={index}
      photos={
        v ? (
          <FindingPhotos
            title={finding.title}
            caption={DOC.afterPhotos}
            photos={v.photos}
            urls={urls}
          />
        ) : null
      }
    >
      <Field label={DOC.requirement}>{finding.requirement}</Field>
      <Field label={DOC.originalDeadline}>{chineseDate(originalDeadline(finding))}前</Field>
      <Field label={DOC.reinspectedOn}>{v ? chineseDate(chinaDateOf(v.verifiedAt)) : '—'}</Field>
      <Field label={DOC.reinspectionResult}>
        <ResultText finding={finding} />
        {v?.note ? `（${v.note}）` : null}
      </Field>
    </FindingFrame>
  );
}

/**
 * 整改复查意见书: the re-inspection opinion on the hazards of one rectification order, for A4, in
 * Chinese: each hazard with its original deadline, the re-inspection's date and result (closed, or
 * not rectified with the new deadline) and after-photos, signed off by the re-inspecting officers.
 */
export function ReinspectionOpinionDocument({ data, urls }: Props) {
  const { inspection, enterprise, findings, agencies, reinspections, reinspectionOfficers } = data;
  const { documents } = data;
  // The opinion is the latest visit's document: so is its service.
  const receipt = reinspections.at(-1)?.serviceReceipts?.find((r) => r.document === 'reinspection');
  const issuer = agencies.map((a) => a.name).join('、');
  const latest = reinspections.at(-1);
  const agencyName = agencies[0]?.name;
  const opinion = printedDocumentNumber(
    'reinspection',
    latest ?? inspection,
    agencyName,
    documents,
  );
  const number = opinion.number;
  const orderNumber = printedDocumentNumber('order', inspection, agencyName, documents).number;
  const orderDate = chinaDateOf(inspection.finishedAt ?? inspection.startedAt);
  const checkDates = [
    ...new Set(
      findings.flatMap((f) => (f.verification ? [chinaDateOf(f.verification.verifiedAt)] : [])),
    ),
  ].sort();
  return (
    <article className="fi-document" aria-label={DOC.reinspectionTitle}>
      <DocumentHeading issuer={issuer} title={DOC.reinspectionTitle} number={number} />
      <p className="fi-doc-addressee">{enterprise?.name ?? inspection.enterpriseId}：</p>
      <p>
        {DOC.reinspectionIntro(
          chineseDate(orderDate),
          orderNumber,
          checkDates.map(chineseDate).join('、') || '—',
        )}
      </p>
      {findings.map((finding, i) => (
        <ReinspectedFinding
          key={finding.id}
          finding={finding}
          index={i + 1}
          data={data}
          urls={urls}
        />
      ))}
      {findings.some((f) => f.verification?.result === 'failed') ? (
        <p className="fi-doc-notice">{DOC.reinspectionNotice}</p>
      ) : null}
      <p className="fi-doc-notice">{DOC.reinspectionAppeal}</p>
      <table className="fi-doc-fields">
        <tbody>
          <Field label={DOC.reinspectionOfficers}>
            {reinspectionOfficers
              .map((o) => `${o.displayName}（${o.certificateNo ?? '—'}）`)
              .join('、') || '—'}
          </Field>
        </tbody>
      </table>
      <IssuedBy issuer={issuer} on={checkDates.at(-1)} />
      {opinion.official ? null : <p className="fi-doc-footnote">{DOC.provisional}</p>}
      {receipt && latest ? (
        <ServiceReceipt
          receipt={receipt}
          served={`${DOC.reinspectionTitle}（${number}）`}
          enterpriseName={enterprise?.name ?? inspection.enterpriseId}
          officers={reinspectionOfficers}
          urls={urls}
        />
      ) : null}
    </article>
  );
}
