import { describe, expect, it } from 'vitest';
import { inspectionSchema } from '../../../../domain/schemas/inspection';

const id = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`;

const draft = {
  id: id(1),
  version: 0,
  updatedAt: '2026-03-01T01:00:00.000Z',
  deletedAt: null,
  createdBy: id(2),
  enterpriseId: id(3),
  templateId: id(4),
  templateVersion: 1,
  kind: 'routine',
  agencyIds: [id(5)],
  leadInspectorId: id(2),
  coInspectorIds: [id(6)],
  startedAt: '2026-03-01T01:00:00.000Z',
  finishedAt: null,
  location: { lat: 30.15, lon: 120.85, accuracyM: 12 },
  itemResults: [{ itemId: 'mh-01', result: 'fail', note: '安全管理人员证书过期' }],
  enterpriseRep: null,
  signatures: [],
  refusedToSign: null,
  status: 'draft',
  review: { status: 'pending', comment: '', reviewerId: null, reviewedAt: null },
  amendments: [],
};

const messages = (input: unknown): string[] => {
  const result = inspectionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('inspectionSchema', () => {
  it('accepts a draft without location accuracy or signatures', () => {
    expect(messages(draft)).toEqual([]);
    expect(messages({ ...draft, location: { lat: 30, lon: 120, accuracyM: null } })).toEqual([]);
  });

  it('accepts a submitted inspection whose representative refused to sign', () => {
    const submitted = {
      ...draft,
      status: 'submitted',
      finishedAt: '2026-03-01T03:00:00.000Z',
      enterpriseRep: { name: '张三', title: '安全负责人' },
      refusedToSign: { reason: '企业代表拒绝签字' },
    };
    expect(messages(submitted)).toEqual([]);
    expect(messages({ ...submitted, refusedToSign: { reason: '' } })).toEqual(['required']);
  });

  it('takes signatures only as blob references', () => {
    const signature = {
      role: 'lead',
      userId: id(2),
      name: '李明',
      image: { sha256: 'a'.repeat(64), mime: 'image/png', size: 2048 },
      signedAt: '2026-03-01T03:00:00.000Z',
    };
    expect(messages({ ...draft, signatures: [signature] })).toEqual([]);
    const badHash = { ...signature, image: { ...signature.image, sha256: 'A'.repeat(64) } };
    expect(messages({ ...draft, signatures: [badHash] })).toEqual(['sha256.invalid']);
  });

  it('rejects no agency, an unknown result, an unknown status and an unknown review state', () => {
    expect(messages({ ...draft, agencyIds: [] })).toHaveLength(1);
    expect(
      messages({ ...draft, itemResults: [{ itemId: 'x', result: 'maybe', note: '' }] }),
    ).toHaveLength(1);
    expect(messages({ ...draft, status: 'approved' })).toHaveLength(1);
    expect(messages({ ...draft, review: { ...draft.review, status: 'rejected' } })).toHaveLength(1);
  });

  it('needs a reason for an amendment', () => {
    const amendment = { at: '2026-03-02T01:00:00.000Z', by: id(2), reason: ' ' };
    expect(messages({ ...draft, amendments: [amendment] })).toEqual(['required']);
  });
});
