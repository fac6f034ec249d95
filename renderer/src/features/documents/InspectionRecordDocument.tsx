import { chineseDateTime, DOC, KIND_TEXT } from './document-text';
import { printedDocumentNumber } from './document-numbers';
import { DocumentHeading, Field, FindingEntry, SignatureBlock } from './DocumentParts';
import { MajorHazardWorking } from './MajorHazardWorking';
import type { DocumentData } from './useDocumentData';

interface Props {
  data: DocumentData;
  urls: ReadonlyMap<string, string>;
}

/** 现场检查记录: the on-site inspection record, for A4, always in Chinese. */
export function InspectionRecordDocument({ data, urls }: Props) {
  const { inspection, enterprise, findings, officers, agencies, documents } = data;
  const issuer = agencies.map((a) => a.name).join('、');
  const { number, official } = printedDocumentNumber(
    'record',
    inspection,
    agencies[0]?.name,
    documents,
  );
  const count = (result: 'pass' | 'fail' | 'na') =>
    inspection.itemResults.filter((r) => r.result === result).length;
  const rep = inspection.enterpriseRep;
  const location = inspection.location;
  return (
    <article className="fi-document" aria-label={DOC.recordTitle}>
      <DocumentHeading issuer={issuer} title={DOC.recordTitle} number={number} />
      <table className="fi-doc-fields fi-doc-facts">
        <tbody>
          <Field label={DOC.enterprise}>{enterprise?.name ?? inspection.enterpriseId}</Field>
          <Field label={DOC.creditCode}>{enterprise?.creditCode ?? '—'}</Field>
          <Field label={DOC.address}>{enterprise?.address ?? '—'}</Field>
          <Field label={DOC.contact}>{rep ? `${rep.name}（${rep.title}）` : '—'}</Field>
          <Field label={DOC.time}>
            {chineseDateTime(inspection.startedAt)} 至 {chineseDateTime(inspection.finishedAt)}
          </Field>
          <Field label={DOC.kind}>{KIND_TEXT[inspection.kind]}</Field>
          <Field label={DOC.agencies}>{issuer || '—'}</Field>
          <Field label={DOC.officers}>
            {officers.map((o) => `${o.displayName}（${o.certificateNo ?? '—'}）`).join('、')}
          </Field>
          <Field label={DOC.location}>
            {location
              ? `北纬 ${location.lat.toFixed(5)}°，东经 ${location.lon.toFixed(5)}°${
                  location.accuracyM !== null ? `（精度 ${Math.round(location.accuracyM)} 米）` : ''
                }`
              : '—'}
          </Field>
        </tbody>
      </table>
      <MajorHazardWorking enterprise={enterprise} snapshot={inspection.gradingSnapshot} />
      <h2>{DOC.situation}</h2>
      <p>{DOC.itemsSummary(count('pass'), count('fail'), count('na'))}</p>
      <h2>{DOC.hazards}</h2>
      {findings.length === 0 ? <p>{DOC.noHazards}</p> : null}
      {findings.map((finding, i) => (
        <FindingEntry key={finding.id} finding={finding} index={i + 1} urls={urls} withPhotos />
      ))}
      <p className="fi-doc-notice">{DOC.recordNotice}</p>
      <SignatureBlock inspection={inspection} urls={urls} />
      {official ? null : <p className="fi-doc-footnote">{DOC.provisional}</p>}
    </article>
  );
}
