// The Chinese wording of the printed draw record and results list. They are published, so they
// are Chinese whatever language the app is shown in, like the other printed documents.
import type { DrawInputHashes } from '../../../../domain/schemas/draw';

export const RECORD = {
  title: '双随机抽查摇号记录',
  recordId: '抽取记录编号',
  agency: '抽查机关',
  plan: '依据计划',
  planRevision: (year: number, revision: number) => `${year}年度监督检查计划（第${revision}版）`,
  period: '抽查期间',
  partner: '联合抽查部门',
  seed: '随机种子',
  seedSource: '种子来源',
  seedPublic: '公开来源',
  seedGenerated: '系统生成',
  seedDescription: '来源说明',
  seedRecordedAt: '种子登记时间',
  drawnAt: '摇号时间',
  drawnBy: '摇号人',
  algorithm: '算法版本',
  redraw: '重新摇号原因',
  hashes: '输入名录哈希（SHA-256）',
  resultHash: '结果哈希（SHA-256）',
  quotas: '各风险等级抽取情况',
  quotaHeads: ['风险等级', '名录数', '本期比例', '应抽', '可抽', '实抽'],
  result: '抽取结果',
  resultHeads: ['序号', '企业名称', '风险等级', '检查人员', '检查部门'],
  joint: '（联合）',
  unstaffed: '未能派员',
  howToCheck:
    '任何人可依据本记录所载随机种子、算法版本及摇号时名录，重新运行抽取并核对各名录哈希与结果哈希是否一致。',
} as const;

const QUARTERS = ['一', '二', '三', '四'];

/** A plan period's printed name: 全年, 上半年, 第三季度, 7月 (the key Y, H1, Q3, M07). */
export function printedPeriod(key: string): string {
  const n = key.length > 1 ? Number(key.slice(1)) : 0;
  switch (key.slice(0, 1)) {
    case 'H':
      return n === 1 ? '上半年' : '下半年';
    case 'Q':
      return `第${QUARTERS[n - 1] ?? n}季度`;
    case 'M':
      return `${n}月`;
    default:
      return '全年';
  }
}

export const HASH_LABEL: Readonly<Record<keyof DrawInputHashes, string>> = {
  plan: '计划',
  targets: '检查对象名录',
  officers: '执法检查人员名录',
  conflicts: '回避声明',
  previousAssignments: '上期抽取结果',
  drawnEarlierInYear: '本年度已抽企业',
  partnerDue: '联合部门应检企业',
};

export const PUBLICATION = {
  heads: ['序号', '企业名称', '检查日期', '检查实施机关', '检查事项', '检查结果'],
  period: (from: string, to: string) => `抽查期间：${from} 至 ${to}`,
  replaced: '（本次抽取已被重新摇号替代，以下为据此已实施的检查）',
  notYet: '—',
} as const;
