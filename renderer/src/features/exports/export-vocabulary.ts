// The Chinese wording of exported workbooks. They go to the bureau, so their headings and values
// are Chinese whatever language the app is shown in (like the printed documents); the buttons
// around them go through i18n as usual.
import type { EffectiveStatus } from '../../../../domain/rules/deadlines';
import type { Grade } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';

export { CATEGORY_TEXT, KIND_TEXT } from '../documents/document-text';

export const EXPORT_GRADE: Readonly<Record<Grade, string>> = {
  general: '一般',
  major: '重大',
};

export const EXPORT_STATUS: Readonly<Record<EffectiveStatus, string>> = {
  open: '待整改',
  rectified: '已整改待复查',
  closed: '已销号',
  overdue: '逾期',
};

export const EXPORT_INSPECTION_STATUS: Readonly<Record<Inspection['status'], string>> = {
  draft: '草稿',
  submitted: '已提交',
};

export const EXPORT_REVIEW: Readonly<Record<Inspection['review']['status'], string>> = {
  pending: '待审核',
  approved: '已通过',
  returned: '已退回',
};

export const EXPORT_VERIFICATION: Readonly<Record<'passed' | 'failed', string>> = {
  passed: '复查合格',
  failed: '复查不合格',
};

export const NOT_SUBMITTED = '未提交';
export const YES = '是';
export const NO = '否';

/** The name of each workbook, also the start of its file name. */
export const WORKBOOK_TITLE = {
  hazards: '隐患清单',
  inspections: '检查记录',
} as const;
