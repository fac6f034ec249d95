// Requests for more time (延期整改) through POST /sync/push: whoever may report a hazard rectified
// records the enterprise's request; only a supervisor of an agency of the hazard's inspection who
// did not take part in it decides; a grant moves the deadline, a refusal does not. Every refusal
// reads the hazard back unchanged.
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { decideExtension, requestExtension } from '../../domain/rules/extension';
import { reportRectification } from '../../domain/rules/rectification';
import type { ExtensionDecisionInput } from '../../domain/rules/extension';
import type { Finding } from '../../domain/schemas/finding';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { newInspection, upsert } from '../support/push-fixtures';
import type { Scene } from '../support/rectification-fixtures';
import {
  actingAs,
  agencyOf,
  expectRefused,
  extensionAsk,
  extensionDecision,
  heldAskingForTime,
  heldFinding,
  pushOne,
  store,
  storedHazard,
  today,
  withRectificationScene,
} from '../support/rectification-fixtures';
import { databaseKinds } from '../support/test-databases';

const serverTime = TEST_NOW.toISOString();

describe.each(databaseKinds)('extensions of a deadline on %s', (kind) => {
  let t: DemoApp;
  let s: Scene;

  withRectificationScene(kind, (scene) => {
    s = scene;
    t = scene.t;
  });

  const request = (f: Finding, d: Device, input = extensionAsk) =>
    requestExtension(f, input, actingAs(d), uuidv7());
  const decide = (f: Finding, d: Device, input: Partial<ExtensionDecisionInput> = {}) =>
    upsert('finding', decideExtension(f, extensionDecision(f, input), actingAs(d)));

  describe('what it takes', () => {
    it('a request recorded at the server time, waiting for a decision, in the history', async () => {
      const hazard = await storedHazard(s);
      const sent = request(hazard, s.chen);
      const result = await pushOne(s, s.chen, upsert('finding', sent));
      expect([result.status, result.error]).toEqual(['applied', undefined]);
      const held = (await heldFinding(t, hazard.id))!.data;
      const id = sent.extensions?.[0]?.id;
      expect(held.extensions).toEqual([
        {
          id,
          ...extensionAsk,
          recordedBy: s.chen.userId,
          recordedAt: serverTime,
          decision: null,
        },
      ]);
      expect(held.history).toEqual([{ kind: 'extensionRequested', extensionId: id }]);
      expect(held.deadline).toBe('2026-12-10');

      // The device goes on from its own copy (its time on the request): the request stays as held.
      const reported = reportRectification(
        { ...sent, version: result.version ?? 0 },
        { reportedOn: today, note: '' },
        actingAs(s.chen),
      );
      const second = await pushOne(s, s.chen, upsert('finding', reported));
      expect([second.status, second.error]).toEqual(['applied', undefined]);
      const after = (await heldFinding(t, hazard.id))!.data;
      expect(after.status).toBe('rectified');
      expect(after.extensions).toEqual(held.extensions);
    });

    it('a grant by a supervisor of the agency moves the deadline to the date granted', async () => {
      const waiting = await heldAskingForTime(s);
      const result = await pushOne(s, s.safety, decide(waiting, s.safety));
      expect([result.status, result.error]).toEqual(['applied', undefined]);
      const held = (await heldFinding(t, waiting.id))!.data;
      expect(held.deadline).toBe('2027-01-10');
      expect(held.extensions?.[0]?.decision).toEqual({
        result: 'granted',
        newDeadline: '2027-01-10',
        comment: '',
        decidedBy: s.safety.userId,
        decidedAt: serverTime,
      });
      expect(held.history?.at(-1)).toEqual({
        kind: 'extensionDecided',
        extensionId: waiting.extensions?.[0]?.id,
        deadlineBefore: '2026-12-10',
      });

      // The supervisor's device goes on from its own copy (its time on the decision).
      const sent = decideExtension(waiting, extensionDecision(waiting), actingAs(s.safety));
      const reported = reportRectification(
        { ...sent, version: result.version ?? 0 },
        { reportedOn: today, note: '' },
        actingAs(s.safety),
      );
      const second = await pushOne(s, s.safety, upsert('finding', reported));
      expect([second.status, second.error]).toEqual(['applied', undefined]);
      expect((await heldFinding(t, waiting.id))!.data.extensions).toEqual(held.extensions);
    });

    it('a refusal records the decision and leaves the deadline', async () => {
      const waiting = await heldAskingForTime(s);
      const sent = decide(waiting, s.safety, { result: 'refused', comment: '理由不充分' });
      const result = await pushOne(s, s.safety, sent);
      expect([result.status, result.error]).toEqual(['applied', undefined]);
      const held = (await heldFinding(t, waiting.id))!.data;
      expect(held.deadline).toBe('2026-12-10');
      expect(held.extensions?.[0]?.decision).toMatchObject({
        result: 'refused',
        comment: '理由不充分',
        decidedBy: s.safety.userId,
      });
    });
  });

  describe('what it refuses, storing nothing', () => {
    it('a second request while one waits, or one for a hazard not open', async () => {
      const waiting = await heldAskingForTime(s);
      // Made as a device that did not know of the first: its request appended after it.
      const second = request({ ...waiting, extensions: [] }, s.chen);
      await expectRefused(
        s,
        s.chen,
        upsert('finding', {
          ...waiting,
          extensions: [...(waiting.extensions ?? []), ...(second.extensions ?? [])],
          history: [...(waiting.history ?? []), second.history!.at(-1)!],
        }),
        'extensionPending',
      );
      const reported = await storedHazard(s, { status: 'rectified' });
      await expectRefused(
        s,
        s.chen,
        upsert('finding', request({ ...reported, status: 'open' }, s.chen)),
        'extensionNeedsOpen',
      );
    });

    it('a request for a deadline not later, dated tomorrow, or in the name of someone else', async () => {
      const hazard = await storedHazard(s);
      // Made as a device whose deadline was still earlier: the server holds 10 December.
      const notLater = request({ ...hazard, deadline: '2026-12-01' }, s.chen, {
        ...extensionAsk,
        requestedDeadline: '2026-12-05',
      });
      await expectRefused(
        s,
        s.chen,
        upsert('finding', { ...notLater, deadline: hazard.deadline }),
        'extensionDeadlineNotLater',
      );
      const tomorrow = requestExtension(
        hazard,
        { ...extensionAsk, requestedOn: '2026-11-30' },
        actingAs(s.chen, '2026-11-30'),
        uuidv7(),
      );
      await expectRefused(s, s.chen, upsert('finding', tomorrow), 'statedDateFuture');
      await expectRefused(s, s.chen, upsert('finding', request(hazard, s.li)), 'recorderMustBeYou');
    });

    it('a decision by an inspector or an administrator', async () => {
      const waiting = await heldAskingForTime(s);
      await expectRefused(s, s.li, decide(waiting, s.li), 'extensionBySupervisor');
      await expectRefused(s, s.chen, decide(waiting, s.chen), 'extensionBySupervisor');
      await expectRefused(s, s.admin, decide(waiting, s.admin), 'extensionBySupervisor');
    });

    it("a decision by the supervisor of an agency the hazard's inspection does not name", async () => {
      const waiting = await heldAskingForTime(s);
      await expectRefused(s, s.environment, decide(waiting, s.environment), 'extensionOtherAgency');
    });

    it('a decision by a supervisor who took part in the inspection that found the hazard', async () => {
      const [joint] = await store(t, [
        newInspection(t.district, s.li.userId, s.enterpriseId, {
          agencyIds: [agencyOf(t, 'supervisor.safety')],
          coInspectorIds: [s.safety.userId],
          status: 'submitted',
          startedAt: '2026-11-20T09:00:00.000+08:00',
        }),
      ]);
      const waiting = await heldAskingForTime(s, {}, joint);
      await expectRefused(s, s.safety, decide(waiting, s.safety), 'extensionTookPart');
    });

    it('a decision in the name of someone else', async () => {
      const waiting = await heldAskingForTime(s);
      const sent = decideExtension(waiting, extensionDecision(waiting), actingAs(s.environment));
      await expectRefused(s, s.safety, upsert('finding', sent), 'recorderMustBeYou');
    });

    it('a grant not after today or not after the deadline', async () => {
      const waiting = await heldAskingForTime(s, { deadline: '2026-12-10' });
      // Made as a device whose clock says 28 November would: the server's today is the 29th.
      const dueToday = decideExtension(
        { ...waiting, deadline: '2026-11-01' },
        extensionDecision(waiting, { newDeadline: today }),
        actingAs(s.safety, '2026-11-28'),
      );
      await expectRefused(
        s,
        s.safety,
        upsert('finding', { ...dueToday, history: decidedFrom(waiting, dueToday) }),
        'newDeadlineNotAfterToday',
      );
      const early = decideExtension(
        { ...waiting, deadline: '2026-12-01' },
        extensionDecision(waiting, { newDeadline: '2026-12-05' }),
        actingAs(s.safety),
      );
      await expectRefused(
        s,
        s.safety,
        upsert('finding', { ...early, history: decidedFrom(waiting, early) }),
        'grantNotAfterDeadline',
      );
    });

    it('a decision of a request never recorded, a second decision, or one once the hazard is closed', async () => {
      const hazard = await storedHazard(s);
      // Asked and decided on the device, but only the decision's step sent.
      const askedHere = request(hazard, s.chen);
      const decided = decideExtension(askedHere, extensionDecision(askedHere), actingAs(s.safety));
      const unasked = {
        ...decided,
        history: [decided.history!.at(-1)!],
      };
      await expectRefused(s, s.safety, upsert('finding', unasked), 'extensionNotPending');

      const waiting = await heldAskingForTime(s);
      const [granted] = await store(t, [
        decideExtension(waiting, extensionDecision(waiting), actingAs(s.safety)),
      ]);
      const again = {
        ...granted!,
        history: [...(granted!.history ?? []), granted!.history!.at(-1)!],
      };
      await expectRefused(s, s.safety, upsert('finding', again), 'extensionNotPending');
      // Asked while open, then re-inspected and closed before anyone decided.
      const [closed] = await store(t, [
        { ...(await heldAskingForTime(s)), status: 'closed' as const },
      ]);
      await expectRefused(
        s,
        s.safety,
        decide({ ...closed!, status: 'open' }, s.safety),
        'extensionClosed',
      );
    });

    it('a request or a decision changed once held', async () => {
      const waiting = await heldAskingForTime(s);
      const [held] = waiting.extensions ?? [];
      await expectRefused(
        s,
        s.chen,
        upsert('finding', { ...waiting, extensions: [{ ...held!, reason: '另有理由' }] }),
        'extensionsRewritten',
      );
      const [granted] = await store(t, [
        decideExtension(waiting, extensionDecision(waiting), actingAs(s.safety)),
      ]);
      const decided = granted!.extensions![0]!;
      await expectRefused(
        s,
        s.safety,
        upsert('finding', {
          ...granted!,
          extensions: [
            { ...decided, decision: { ...decided.decision!, newDeadline: '2099-12-31' } },
          ],
          deadline: '2099-12-31',
        }),
        'extensionsRewritten',
      );
    });

    it('a grant with no step in the history, and a refusal with no comment', async () => {
      const waiting = await heldAskingForTime(s);
      const granted = decideExtension(waiting, extensionDecision(waiting), actingAs(s.safety));
      await expectRefused(
        s,
        s.safety,
        upsert('finding', { ...granted, history: waiting.history }),
        'deadlineNeedsFailedReinspection',
      );
      const refused = decideExtension(
        waiting,
        extensionDecision(waiting, { result: 'refused', comment: '理由不充分' }),
        actingAs(s.safety),
      );
      const [entry] = refused.extensions ?? [];
      await expectRefused(
        s,
        s.safety,
        upsert('finding', {
          ...refused,
          extensions: [{ ...entry!, decision: { ...entry!.decision!, comment: ' ' } }],
        }),
        'invalid',
      );
    });
  });
});

/** `decided`'s history as appended to `held`'s: its last step after the held ones. */
function decidedFrom(held: Finding, decided: Finding) {
  const step = decided.history?.at(-1);
  if (!step) throw new Error('no decision step');
  return [...(held.history ?? []), { ...step, deadlineBefore: held.deadline }];
}
