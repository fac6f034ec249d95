import { describe, expect, it } from 'vitest';
import type { SubmissionInput } from '../../../../domain/rules/submission';
import { checkSubmission } from '../../../../domain/rules/submission';
import type { Inspection, Signature } from '../../../../domain/schemas/inspection';
import { ruleFinding, ruleInspection, ruleUser, sha, uid } from './fixture-records';

const safety = {
  sections: [
    { title: '消防', items: [{ id: 'f-1', text: '消防通道畅通', legalBasis: '消防法' }] },
    { title: '电气', items: [{ id: 'e-1', text: '防爆电气合规', legalBasis: '规范' }] },
  ],
};
const environment = {
  sections: [{ title: '废水', items: [{ id: 'w-1', text: '雨污分流', legalBasis: '水法' }] }],
};

const sign = (role: Signature['role'], userId: string | null): Signature => ({
  role,
  userId,
  name: '签字人',
  image: { sha256: sha(1), mime: 'image/png', size: 100 },
  signedAt: '2026-03-02T11:00:00.000+08:00',
});

const lead = ruleUser(1);
const co = ruleUser(2);

/** A joint inspection that is ready to submit; each test breaks one thing. */
function ready(change: Partial<Inspection> = {}): SubmissionInput {
  return {
    inspection: ruleInspection({
      kind: 'joint',
      itemResults: [
        { itemId: 'f-1', result: 'pass', note: '' },
        { itemId: 'e-1', result: 'na', note: '无防爆区域' },
        { itemId: 'w-1', result: 'fail', note: '雨水口有污水' },
      ],
      signatures: [sign('lead', lead.id), sign('co', co.id), sign('enterprise', null)],
      ...change,
    }),
    templates: [safety, environment],
    findings: [ruleFinding(10, { itemId: 'w-1', category: 'wastewater' })],
    users: [lead, co, ruleUser(3)],
  };
}

describe('checkSubmission', () => {
  it('finds nothing wrong with a complete joint inspection', () => {
    expect(checkSubmission(ready())).toEqual([]);
  });

  it('names every unanswered item of every template, in checklist order', () => {
    const input = ready({ itemResults: [{ itemId: 'e-1', result: 'pass', note: '' }] });
    expect(checkSubmission(input)).toEqual([
      { code: 'item.unanswered', itemId: 'f-1' },
      { code: 'item.unanswered', itemId: 'w-1' },
    ]);
  });

  it('names a failed item without a hazard of this inspection', () => {
    const input = ready();
    const other = {
      ...input,
      findings: [ruleFinding(11, { itemId: 'w-1', inspectionId: uid(101) })],
    };
    expect(checkSubmission(other)).toEqual([{ code: 'item.failedWithoutFinding', itemId: 'w-1' }]);
    const deleted = {
      ...input,
      findings: [ruleFinding(12, { itemId: 'w-1', deletedAt: '2026-03-02T10:00:00.000+08:00' })],
    };
    expect(checkSubmission(deleted)).toEqual([
      { code: 'item.failedWithoutFinding', itemId: 'w-1' },
    ]);
  });

  it('asks once for an item that two templates of a joint inspection share', () => {
    const input = ready({ itemResults: [{ itemId: 'e-1', result: 'pass', note: '' }] });
    expect(checkSubmission({ ...input, templates: [safety, environment, safety] })).toEqual([
      { code: 'item.unanswered', itemId: 'f-1' },
      { code: 'item.unanswered', itemId: 'w-1' },
    ]);
  });

  it('needs two officers with certificates (two-officer rule)', () => {
    const alone = ready({
      coInspectorIds: [],
      signatures: [sign('lead', lead.id), sign('enterprise', null)],
    });
    expect(checkSubmission(alone)).toEqual([{ code: 'officers.tooFew', qualified: 1 }]);
    const twice = ready({
      coInspectorIds: [lead.id],
      signatures: [sign('lead', lead.id), sign('enterprise', null)],
    });
    expect(checkSubmission(twice)).toEqual([{ code: 'officers.tooFew', qualified: 1 }]);
  });

  it('says which officer does not qualify and why', () => {
    const supervisor = ruleUser(4, { role: 'supervisor', certificateNo: null });
    const uncertified = { ...ruleUser(5), certificateNo: '  ' };
    const input = ready({
      coInspectorIds: [co.id, supervisor.id, uncertified.id, uid(6)],
      signatures: [
        sign('lead', lead.id),
        sign('co', co.id),
        sign('co', supervisor.id),
        sign('co', uncertified.id),
        sign('co', uid(6)),
        sign('enterprise', null),
      ],
    });
    expect(checkSubmission({ ...input, users: [lead, co, supervisor, uncertified] })).toEqual([
      { code: 'officer.notInspector', userId: supervisor.id },
      { code: 'officer.noCertificate', userId: uncertified.id },
      { code: 'officer.unknown', userId: uid(6) },
    ]);
  });

  it('does not count an officer deleted from the directory', () => {
    const input = ready();
    const users = [lead, { ...co, deletedAt: '2026-03-01T00:00:00.000+08:00' }];
    expect(checkSubmission({ ...input, users })).toEqual([
      { code: 'officers.tooFew', qualified: 1 },
      { code: 'officer.unknown', userId: co.id },
    ]);
  });

  it('needs every officer to sign', () => {
    const input = ready({ signatures: [sign('enterprise', null)] });
    expect(checkSubmission(input)).toEqual([
      { code: 'signature.missing', role: 'lead', userId: lead.id },
      { code: 'signature.missing', role: 'co', userId: co.id },
    ]);
  });

  it('needs the representative to sign or the refusal recorded with a reason', () => {
    const unsigned = ready({ signatures: [sign('lead', lead.id), sign('co', co.id)] });
    expect(checkSubmission(unsigned)).toEqual([{ code: 'signature.missing', role: 'enterprise' }]);
    const refused = ready({
      signatures: [sign('lead', lead.id), sign('co', co.id)],
      refusedToSign: { reason: '负责人拒绝签字，由两名执法人员在场见证' },
    });
    expect(checkSubmission(refused)).toEqual([]);
  });

  it('needs the enterprise representative named, even when they refuse to sign', () => {
    expect(checkSubmission(ready({ enterpriseRep: null }))).toEqual([
      { code: 'enterpriseRep.missing' },
    ]);
    expect(checkSubmission(ready({ enterpriseRep: { name: ' ', title: '' } }))).toEqual([
      { code: 'enterpriseRep.missing' },
    ]);
  });

  it('needs a location, measured or entered by hand', () => {
    expect(checkSubmission(ready({ location: null }))).toEqual([{ code: 'location.missing' }]);
    const byHand = ready({ location: { lat: 30.03, lon: 120.87, accuracyM: null } });
    expect(checkSubmission(byHand)).toEqual([]);
  });

  it('lists every problem of an empty draft at once', () => {
    const input: SubmissionInput = {
      inspection: ruleInspection({ coInspectorIds: [], location: null, enterpriseRep: null }),
      templates: [safety],
      findings: [],
      users: [],
    };
    expect(checkSubmission(input).map((p) => p.code)).toEqual([
      'item.unanswered',
      'item.unanswered',
      'officers.tooFew',
      'officer.unknown',
      'signature.missing',
      'signature.missing',
      'enterpriseRep.missing',
      'location.missing',
    ]);
  });
});
