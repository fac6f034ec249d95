// The wording of a penalty case's printed documents. Like the inspection documents, they are
// legal documents issued in Chinese whatever language the app is shown in.
import type { CaseDocumentKind, CaseOriginKind } from '../../../../domain/schemas/penalty-case';

export const CASE_DOC_TITLES: Readonly<Record<CaseDocumentKind, string>> = {
  caseFiling: '立案审批表',
  penaltyNotice: '行政处罚告知书',
  penaltyDecision: '行政处罚决定书',
};

export const CASE_ORIGIN_TEXT: Readonly<Record<CaseOriginKind, string>> = {
  overdueMajorHazard: '重大事故隐患逾期未整改',
  failedReinspection: '整改复查不合格',
  refusedInspection: '拒绝监督检查',
};

export const CASE_DOC = {
  party: '当事人',
  cause: '案由',
  source: '案件来源',
  handler: '承办人',
  openedAt: '立案申请时间',
  approval: '审批意见',
  approver: '审批人',
  approvedAt: '审批时间',
  approved: '同意立案',
  refused: '不予立案',
  investigation: '调查情况',
  decision: '处罚决定',
  noticeText:
    '经调查，你单位存在上述违法行为，本机关拟依法对你单位作出行政处罚。你单位有权进行陈述和申辩；如要求听证，应当在收到本告知书之日起五日内提出。逾期不提出的，视为放弃上述权利。',
  decisionAppeal:
    '如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
  issuedOn: '日期',
} as const;
