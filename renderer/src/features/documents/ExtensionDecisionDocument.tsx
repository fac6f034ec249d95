import { agencyShortName } from '../../../../domain/rules/agency-short-name';
import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import { provisionalDocumentNumber } from '../../../../domain/rules/document-number';
import type { RegisteredDocument } from '../../../../domain/schemas/document';
import type { ExtensionRequest, Finding } from '../../../../domain/schemas/finding';
import type { User } from '../../../../domain/schemas/user';
import { DocumentHeading, Field, IssuedBy } from './DocumentParts';
import { DOC, chineseDate } from './document-text';
import { ServiceReceipt } from './ServiceReceipt';

export const EXTENSION_DOC = {
  title: '延期整改审批表',
  hazard: '事故隐患',
  deadlineBefore: '原整改期限',
  requestedOn: '申请日期',
  reason: '申请理由',
  requestedDeadline: '申请延期至',
  decision: '审批意见',
  granted: (deadline: string) => `同意延期，整改期限延至${deadline}。`,
  decider: '审批人',
} as const;

export interface ExtensionDecisionData {
  finding: Finding;
  request: ExtensionRequest;
  enterpriseName: string;
  /** The agency of the supervisor who granted it: its register numbers the decision. */
  agencyName: string;
  deciderName: string;
  /** The register's entry, once the device has pulled it. */
  registered: RegisteredDocument | undefined;
  /**
   * Who may be named as having served it (the hazard's officers, lead first), and the officers
   * on this device whose names its receipt prints.
   */
  servers: string[];
  officers: readonly Pick<User, 'id' | 'displayName'>[];
}

/**
 * 延期整改审批表: a granted request for more time, with its official number once registered, and
 * its service receipt once recorded.
 */
export function ExtensionDecisionDocument({
  data,
  urls = new Map(),
}: {
  data: ExtensionDecisionData;
  urls?: ReadonlyMap<string, string>;
}) {
  const { finding, request, registered } = data;
  const decision = request.decision;
  if (decision?.result !== 'granted') return null;
  const decidedOn = chinaDateOf(decision.decidedAt);
  const number =
    registered?.number ??
    provisionalDocumentNumber({
      agencyShortName: agencyShortName(data.agencyName) || '执法',
      kind: 'extension',
      year: Number(decidedOn.slice(0, 4)),
      inspectionId: request.id,
    });
  const before = (finding.history ?? []).find(
    (e) => e.kind === 'extensionDecided' && e.extensionId === request.id,
  );
  return (
    <article className="fi-document" aria-label={EXTENSION_DOC.title}>
      <DocumentHeading issuer={data.agencyName} title={EXTENSION_DOC.title} number={number} />
      <p className="fi-doc-addressee">{data.enterpriseName}：</p>
      <table className="fi-doc-fields">
        <tbody>
          <Field label={EXTENSION_DOC.hazard}>{finding.title}</Field>
          <Field label={EXTENSION_DOC.deadlineBefore}>
            {before && 'deadlineBefore' in before ? chineseDate(before.deadlineBefore) : ''}
          </Field>
          <Field label={EXTENSION_DOC.requestedOn}>{chineseDate(request.requestedOn)}</Field>
          <Field label={EXTENSION_DOC.reason}>{request.reason}</Field>
          <Field label={EXTENSION_DOC.requestedDeadline}>
            {chineseDate(request.requestedDeadline)}
          </Field>
          <Field label={EXTENSION_DOC.decision}>
            {EXTENSION_DOC.granted(chineseDate(decision.newDeadline))}
            {decision.comment}
          </Field>
          <Field label={EXTENSION_DOC.decider}>{data.deciderName}</Field>
        </tbody>
      </table>
      <IssuedBy issuer={data.agencyName} on={registered?.issuedOn ?? decidedOn} />
      {registered ? null : <p className="fi-doc-footnote">{DOC.provisional}</p>}
      {request.serviceReceipt ? (
        <ServiceReceipt
          receipt={request.serviceReceipt}
          served={`${EXTENSION_DOC.title}（${number}）`}
          enterpriseName={data.enterpriseName}
          officers={data.officers}
          urls={urls}
        />
      ) : null}
    </article>
  );
}
