import { describe, expect, it } from 'vitest';
import { serviceReceiptSchema } from '../../../../domain/schemas/service-receipt';
import { inspectionSchema } from '../../../../domain/schemas/inspection';
import { ruleInspection } from '../rules/fixture-records';

const sig = (n: number) => ({
  sha256: String(n).repeat(64).slice(0, 64),
  mime: 'image/png',
  size: 100,
});
const signed = {
  id: '0197a000-0000-7000-8000-0000000000f1',
  document: 'order',
  method: 'direct',
  servedAt: '2026-11-29T10:00:00.000+08:00',
  place: '企业办公楼',
  servedBy: ['0197a000-0000-7000-8000-0000000000e1'],
  recipient: { name: '王建国', title: '安全负责人' },
  signature: sig(1),
  refusal: null,
};
const witnesses = [
  { name: '张三', organisation: '道墟街道办事处', signature: sig(2) },
  { name: '李四', organisation: '村民委员会', signature: sig(3) },
];
const refused = {
  ...signed,
  method: 'left',
  signature: null,
  refusal: { reason: '拒绝签收', witnesses },
};
const problems = (value: unknown) =>
  serviceReceiptSchema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('service receipts (送达回证)', () => {
  it('takes a signed receipt, and a refusal left with two witnesses', () => {
    expect(problems(signed)).toEqual([]);
    expect(problems(refused)).toEqual([]);
  });

  it('needs two witnesses of a refusal, each named once', () => {
    expect(
      problems({ ...refused, refusal: { reason: '拒绝签收', witnesses: witnesses.slice(1) } }),
    ).toEqual(['receipt.twoWitnesses']);
    const twice = [witnesses[0], { ...witnesses[1], name: '张三' }];
    expect(problems({ ...refused, refusal: { reason: '拒绝签收', witnesses: twice } })).toEqual([
      'receipt.witnessesDistinct',
    ]);
  });

  it('holds the recipient’s signature or a refusal, never both or neither, and a refusal is left', () => {
    expect(problems({ ...refused, signature: sig(1) })).toContain('receipt.signatureOrRefusal');
    expect(problems({ ...signed, signature: null })).toContain('receipt.signatureOrRefusal');
    expect(problems({ ...refused, method: 'direct' })).toEqual(['receipt.refusalIsLeft']);
    expect(problems({ ...signed, method: 'left' })).toEqual(['receipt.refusalIsLeft']);
  });

  it('is kept on the inspection once per document', () => {
    const base = ruleInspection();
    expect(inspectionSchema.safeParse({ ...base, serviceReceipts: [signed] }).success).toBe(true);
    const twice = inspectionSchema.safeParse({ ...base, serviceReceipts: [signed, refused] });
    expect(twice.error?.issues.map((i) => i.message)).toEqual(['receipt.documentOnce']);
  });
});
