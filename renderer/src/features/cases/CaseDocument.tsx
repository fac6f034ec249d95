import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import type { CaseDocumentKind, PenaltyCase } from '../../../../domain/schemas/penalty-case';
import { DocumentHeading, Field } from '../documents/DocumentParts';
import { chineseDate } from '../documents/document-text';
import { CASE_DOC, CASE_DOC_TITLES, CASE_ORIGIN_TEXT } from './case-document-text';
import type { CaseNames } from './useCaseNames';

interface Props {
  theCase: PenaltyCase;
  kind: CaseDocumentKind;
  issuer: string;
  names: CaseNames;
}

const noteOf = (c: PenaltyCase, stage: PenaltyCase['steps'][number]['stage']) =>
  c.steps.find((s) => s.stage === stage)?.note ?? '';

/** 立案审批表, 行政处罚告知书 or 行政处罚决定书 of a case, with its official number, for A4. */
export function CaseDocument({ theCase: c, kind, issuer, names }: Props) {
  const entry = c.documents.find((d) => d.kind === kind);
  if (!entry) return null;
  const party = names.enterprise(c.enterpriseId);
  return (
    <article className="fi-document" aria-label={CASE_DOC_TITLES[kind]}>
      <DocumentHeading issuer={issuer} title={CASE_DOC_TITLES[kind]} number={entry.number} />
      {kind === 'caseFiling' ? (
        <table className="fi-doc-fields">
          <tbody>
            <Field label={CASE_DOC.party}>{party}</Field>
            <Field label={CASE_DOC.cause}>{c.summary}</Field>
            <Field label={CASE_DOC.source}>{CASE_ORIGIN_TEXT[c.origin.kind]}</Field>
            <Field label={CASE_DOC.handler}>{names.user(c.openedBy)}</Field>
            <Field label={CASE_DOC.openedAt}>{chineseDate(chinaDateOf(c.openedAt))}</Field>
            <Field label={CASE_DOC.approval}>
              {c.approval?.approved ? CASE_DOC.approved : CASE_DOC.refused}
              {c.approval?.comment ? `：${c.approval.comment}` : ''}
            </Field>
            <Field label={CASE_DOC.approver}>{c.approval ? names.user(c.approval.by) : ''}</Field>
            <Field label={CASE_DOC.approvedAt}>{chineseDate(entry.issuedOn)}</Field>
          </tbody>
        </table>
      ) : (
        <>
          <p className="fi-doc-addressee">{party}：</p>
          <table className="fi-doc-fields">
            <tbody>
              <Field label={CASE_DOC.cause}>{c.summary}</Field>
              <Field label={CASE_DOC.investigation}>{noteOf(c, 'investigation')}</Field>
              {kind === 'penaltyDecision' ? (
                <Field label={CASE_DOC.decision}>{noteOf(c, 'decision')}</Field>
              ) : null}
            </tbody>
          </table>
          <p className="fi-doc-notice">
            {kind === 'penaltyNotice' ? CASE_DOC.noticeText : CASE_DOC.decisionAppeal}
          </p>
        </>
      )}
      <p className="fi-doc-issued">
        {issuer} {chineseDate(entry.issuedOn)}
      </p>
    </article>
  );
}
