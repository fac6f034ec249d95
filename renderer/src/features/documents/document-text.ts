// The wording of the printed enforcement documents. They are legal documents issued in Chinese
// whatever language the app is shown in, so their text is fixed here rather than translated:
// the app's own buttons around them go through i18n as usual.
import type { FindingCategory, Grade } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';

export const DOC = {
  recordTitle: '现场检查记录',
  orderTitle: '责令限期整改指令书',
  number: '文书编号',
  enterprise: '被检查单位',
  creditCode: '统一社会信用代码',
  address: '地址',
  contact: '现场负责人',
  time: '检查时间',
  kind: '检查类别',
  agencies: '检查机关',
  place: '检查场所',
  location: '检查位置',
  officers: '检查人员及执法证号',
  situation: '检查情况',
  hazards: '发现的事故隐患',
  noHazards: '本次检查未发现事故隐患。',
  itemsSummary: (pass: number, fail: number, na: number) =>
    `共检查 ${pass + fail + na} 项：符合 ${pass} 项，不符合 ${fail} 项，不适用 ${na} 项。`,
  grade: '隐患等级',
  category: '类别',
  description: '隐患描述',
  legalBasis: '依据',
  requirement: '整改要求',
  deadline: '整改期限',
  responsible: '整改责任人',
  photos: '现场照片',
  officerSignature: '检查人员（签名）',
  repSignature: '被检查单位现场负责人（签名）',
  refused: (reason: string) => `被检查单位现场负责人拒绝签字。原因：${reason}`,
  notSigned: '（未签名）',
  recordNotice:
    '以上记录已经被检查单位现场负责人核对，确认与现场情况一致。被检查单位如对本记录有异议，可在签字时注明。',
  orderFound: '经查，你单位存在下列问题：',
  orderDemand:
    '现责令你单位对上述问题按照所列期限整改完毕，达到有关法律、法规、规章和国家标准或者行业标准规定的要求，并将整改情况书面报告本机关。整改期间，应当采取相应的安全防范措施，确保安全；重大事故隐患排除前或者排除过程中无法保证安全的，应当从危险区域内撤出作业人员，暂时停产停业或者停止使用相关设施、设备。',
  orderAppeal:
    '如果不服本指令，可以依法在六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，但本指令不停止执行，法律另有规定的除外。',
  orderNone: '本次检查未发现需要限期整改的事故隐患，不出具责令限期整改指令书。',
  seal: '（印章）',
  receipt: '被检查单位负责人（签收）',
  provisional: '本文书编号为临时编号，数据同步后以正式编号为准。',
  reinspectionTitle: '整改复查意见书',
  reinspectionIntro: (orderDate: string, orderNumber: string, checkDate: string) =>
    `本机关于${orderDate}作出《责令限期整改指令书》（${orderNumber}），于${checkDate}对你单位的整改情况进行了复查。复查意见如下：`,
  originalDeadline: '原整改期限',
  reinspectedOn: '复查日期',
  reinspectionResult: '复查结果',
  passedText: '已整改销号',
  failedText: (deadline: string) => `未整改到位，责令于${deadline}前整改完毕`,
  notReinspected: '尚未复查',
  afterPhotos: '整改后照片',
  reinspectionOfficers: '复查人员及执法证号',
  reinspectionNotice:
    '对未整改到位的事故隐患，你单位应当在新的期限内整改完毕，并将整改情况书面报告本机关；逾期仍未整改的，本机关将依法处理。',
  reinspectionAppeal:
    '如果不服本意见，可以依法在六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
  pageOf: '页',
  hazardIndex: (n: number) => `第${n}项`,
} as const;

export const KIND_TEXT: Readonly<Record<Inspection['kind'], string>> = {
  routine: '日常检查',
  special: '专项检查',
  joint: '联合检查',
  reinspection: '复查',
};

export const GRADE_TEXT: Readonly<Record<Grade, string>> = {
  general: '一般事故隐患',
  major: '重大事故隐患',
};

export const CATEGORY_TEXT: Readonly<Record<FindingCategory, string>> = {
  chemical_storage: '危险化学品储存',
  process_safety: '工艺安全',
  fire: '消防安全',
  electrical: '电气安全',
  special_operations: '特殊作业',
  wastewater: '废水',
  waste_gas: '废气（VOCs）',
  hazardous_waste: '危险废物',
  emergency_response: '应急管理',
  management: '安全管理',
  other: '其他',
};

/** 2026-12-14 → 2026年12月14日 */
export function chineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** A timestamp as a Chinese date and time in China's time zone: 2026年11月29日 09:30 */
export function chineseDateTime(timestamp: string | null): string {
  if (!timestamp) return '—';
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${chineseDate(`${part('year')}-${part('month')}-${part('day')}`)} ${part('hour')}:${part('minute')}`;
}
