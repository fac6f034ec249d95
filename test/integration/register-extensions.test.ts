// A granted extension of a rectification deadline issues its decision (延期整改审批表), numbered
// in the deciding supervisor's agency's register in the push that brings the grant: once per
// request, whatever later changes of the hazard are pushed; a refused request issues none.
import { describe, expect, it } from 'vitest';
import { decideExtension } from '../../domain/rules/extension';
import { reportRectification } from '../../domain/rules/rectification';
import type { Finding } from '../../domain/schemas/finding';
import type { RegisteredDocument } from '../../domain/schemas/document';
import type { DemoApp } from '../support/demo-app';
import { upsert } from '../support/push-fixtures';
import { readRegister } from '../support/register-fixtures';
import type { Scene } from '../support/rectification-fixtures';
import {
  actingAs,
  agencyOf,
  extensionDecision,
  heldAskingForTime,
  heldFinding,
  pushOne,
  today,
  withRectificationScene,
} from '../support/rectification-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('extension decisions in the register on %s', (kind) => {
  let t: DemoApp;
  let s: Scene;

  withRectificationScene(kind, (scene) => {
    s = scene;
    t = scene.t;
  });

  const decided = (f: Finding, result: 'granted' | 'refused') =>
    decideExtension(f, extensionDecision(f, { result }), actingAs(s.safety));
  const extensionDocuments = () =>
    t.db.query<{ data: RegisteredDocument }>(
      `SELECT data FROM records WHERE entity = 'document' AND data->>'kind' = 'extension'
       ORDER BY (data->>'sequence')::int`,
    );

  it('numbers a grant once, in the supervisor’s agency’s register', async () => {
    const waiting = await heldAskingForTime(s);
    const granted = decided(waiting, 'granted');
    const result = await pushOne(s, s.safety, upsert('finding', granted));
    expect([result.status, result.error]).toEqual(['applied', undefined]);
    // A later change of the hazard (the enterprise reports it rectified) numbers nothing again.
    const reported = reportRectification(
      { ...granted, version: result.version ?? 0 },
      { reportedOn: today, note: '' },
      actingAs(s.chen),
    );
    const second = await pushOne(s, s.chen, upsert('finding', reported));
    expect([second.status, second.error]).toEqual(['applied', undefined]);

    const register = (await readRegister(t.db)).filter((r) => r.kind === 'extension');
    expect(register.map((r) => [r.agency_id, r.sequence, r.number, r.inspection_id])).toEqual([
      [agencyOf(t, 'supervisor.safety'), 1, '上虞应急延期〔2026〕第0001号', s.original.id],
    ]);
    const [document] = await extensionDocuments();
    expect(document?.data).toMatchObject({
      kind: 'extension',
      findingId: waiting.id,
      extensionId: waiting.extensions?.[0]?.id,
      number: '上虞应急延期〔2026〕第0001号',
      issuedOn: today,
      officerIds: [s.safety.userId],
    });
    expect((await heldFinding(t, waiting.id))?.data.deadline).toBe('2027-01-10');
  });

  it('numbers nothing for a refusal, and the next grant takes the next number', async () => {
    const refusedOne = await heldAskingForTime(s);
    const refused = await pushOne(s, s.safety, upsert('finding', decided(refusedOne, 'refused')));
    expect([refused.status, refused.error]).toEqual(['applied', undefined]);
    expect((await readRegister(t.db)).filter((r) => r.kind === 'extension')).toHaveLength(1);

    const grantedOne = await heldAskingForTime(s);
    const granted = await pushOne(s, s.safety, upsert('finding', decided(grantedOne, 'granted')));
    expect([granted.status, granted.error]).toEqual(['applied', undefined]);
    expect(
      (await readRegister(t.db)).filter((r) => r.kind === 'extension').map((r) => r.number),
    ).toEqual(['上虞应急延期〔2026〕第0001号', '上虞应急延期〔2026〕第0002号']);
  });
});
