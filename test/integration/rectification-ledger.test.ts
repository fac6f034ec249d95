// The rectification state as a ledger the server checks (rectification-rules.ts): the history only
// grows, a hazard closes only by a passed re-inspection appended with it, its deadline moves only
// by a failed one (or a granted extension: rectification-extensions.test.ts), each as the caller,
// at a visit the caller took part in, with times the server stamps or checks. Every refusal reads
// the hazard back unchanged.
import { describe, expect, it } from 'vitest';
import { recordReinspection, reportRectification } from '../../domain/rules/rectification';
import type { ReinspectionInput } from '../../domain/rules/rectification';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { newFinding, newInspection, push, upsert } from '../support/push-fixtures';
import type { Scene } from '../support/rectification-fixtures';
import {
  at,
  expectRefused,
  heldFinding,
  photo,
  pushOne,
  store,
  storedHazard,
  storedVisit,
  today,
  withRectificationScene,
} from '../support/rectification-fixtures';
import { databaseKinds } from '../support/test-databases';

const serverTime = TEST_NOW.toISOString();
const minutesAfterNow = (m: number) => new Date(TEST_NOW.getTime() + m * 60_000).toISOString();
const passed: ReinspectionInput = {
  result: 'passed',
  photos: [photo],
  note: '',
  newDeadline: null,
};
const failed: ReinspectionInput = {
  result: 'failed',
  photos: [],
  note: '仍渗漏',
  newDeadline: '2026-12-20',
};

describe.each(databaseKinds)('the rectification ledger on %s', (kind) => {
  let t: DemoApp;
  let s: Scene;
  let chenVisit: Inspection;

  withRectificationScene(kind, async (scene) => {
    s = scene;
    t = scene.t;
    chenVisit = await storedVisit(s, s.chen);
  });

  const by = (d: Device, when = at, day = today) => ({ userId: d.userId, at: when, today: day });
  const report = (f: Finding, d: Device, reportedOn = '2026-11-28') =>
    reportRectification(f, { reportedOn, note: '已整改' }, by(d));
  /** A hazard held as reported rectified by chen two days ago. */
  const rectified = async (overrides: Partial<Finding> = {}) =>
    storedHazard(s, {
      ...reportRectification(
        await storedHazard(s, overrides),
        { reportedOn: '2026-11-27', note: '' },
        by(s.chen, '2026-11-27T02:00:00.000Z', '2026-11-27'),
      ),
    });

  describe('what it takes', () => {
    it('a report recorded at the server time, whatever time the device wrote', async () => {
      const hazard = await storedHazard(s);
      const sent = report(hazard, s.chen);
      expect(sent.rectification?.recordedAt).toBe(at);
      const result = await pushOne(s, s.chen, upsert('finding', sent));
      expect(result.status).toBe('applied');
      const held = (await heldFinding(t, hazard.id))!.data;
      expect(held.status).toBe('rectified');
      expect(held.rectification).toEqual({ ...sent.rectification, recordedAt: serverTime });
      expect(held.history).toEqual([{ kind: 'rectificationReported', report: held.rectification }]);

      // The device sends its own copy on (it has not pulled the stamp back): the step it already
      // sent is the server's, unchanged, and the next step is taken.
      const next = recordReinspection(
        { ...sent, version: result.version ?? 0 },
        failed,
        by(s.chen),
        chenVisit,
      );
      const second = await pushOne(s, s.chen, upsert('finding', next));
      expect([second.status, second.error]).toEqual(['applied', undefined]);
      const after = (await heldFinding(t, hazard.id))!.data;
      expect(after).toMatchObject({ status: 'open', deadline: '2026-12-20' });
      expect(after.history?.[0]).toEqual(held.history?.[0]);
      expect(after.history?.[1]).toEqual({
        kind: 'reinspected',
        verification: {
          inspectionId: chenVisit.id,
          verifiedBy: s.chen.userId,
          verifiedAt: at,
          result: 'failed',
          photos: [],
          note: '仍渗漏',
          officerIds: [s.chen.userId],
        },
        deadlineBefore: '2026-12-10',
        newDeadline: '2026-12-20',
      });
    });

    it("a report and a passed re-inspection in one mutation close it, with the visit's officers", async () => {
      const visit = await storedVisit(s, s.chen, { coInspectorIds: [s.zhao.userId] });
      const hazard = await storedHazard(s);
      const closed = recordReinspection(report(hazard, s.chen), passed, by(s.chen), visit);
      const result = await pushOne(s, s.chen, upsert('finding', closed));
      expect([result.status, result.error]).toEqual(['applied', undefined]);
      const held = (await heldFinding(t, hazard.id))!.data;
      expect(held.status).toBe('closed');
      expect(held.verification).toMatchObject({
        result: 'passed',
        verifiedAt: at,
        officerIds: [s.chen.userId, s.zhao.userId],
      });
    });

    it("a report dated the next day up to ten minutes before the server's midnight", async () => {
      const hazard = await storedHazard(s);
      t.setNow(new Date('2026-11-29T23:52:00+08:00'));
      try {
        const sent = reportRectification(
          hazard,
          { reportedOn: '2026-11-30', note: '' },
          by(s.chen, '2026-11-29T16:01:00.000Z', '2026-11-30'),
        );
        expect((await pushOne(s, s.chen, upsert('finding', sent))).status).toBe('applied');
      } finally {
        t.setNow(TEST_NOW);
      }
    });

    it('a whole cycle recorded offline in one mutation: failed at one visit, passed at the next', async () => {
      const yesterday = await storedVisit(s, s.chen, {
        startedAt: '2026-11-28T10:00:00.000+08:00',
      });
      const hazard = await storedHazard(s);
      const first = report(hazard, s.chen, '2026-11-27');
      const failedThen = recordReinspection(
        first,
        failed,
        by(s.chen, yesterday.startedAt, '2026-11-28'),
        yesterday,
      );
      const closed = recordReinspection(
        report(failedThen, s.chen, '2026-11-28'),
        passed,
        by(s.chen),
        chenVisit,
      );
      const result = await pushOne(s, s.chen, upsert('finding', closed));
      expect([result.status, result.error]).toEqual(['applied', undefined]);
      const held = (await heldFinding(t, hazard.id))!.data;
      expect(held.history?.map((e) => e.kind)).toEqual([
        'rectificationReported',
        'reinspected',
        'rectificationReported',
        'reinspected',
      ]);
      expect(held).toMatchObject({ status: 'closed', deadline: '2026-12-20' });
    });

    it("a re-inspection time up to ten minutes ahead of the server's clock", async () => {
      const hazard = await rectified();
      const sent = recordReinspection(hazard, passed, by(s.chen, minutesAfterNow(9)), chenVisit);
      expect((await pushOne(s, s.chen, upsert('finding', sent))).status).toBe('applied');
    });
  });

  it("lets the officers of a draft set its hazard's deadline, but not create a hazard closed", async () => {
    const draft = newInspection(t.district, s.li.userId, s.enterpriseId);
    const hazard = newFinding(draft, { deadline: '2026-12-10' });
    const made = await push(t.app, s.li, [upsert('inspection', draft), upsert('finding', hazard)]);
    expect(made.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const version = made.results[1]?.version ?? 0;
    const moved = await pushOne(
      s,
      s.li,
      upsert('finding', { ...hazard, version, deadline: '2027-03-01' }),
    );
    expect([moved.status, moved.error]).toEqual(['applied', undefined]);
    const closed = newFinding(draft, { status: 'closed' });
    const res = await pushOne(s, s.li, upsert('finding', closed));
    expect(res.reason?.code).toBe('closeNeedsPassedReinspection');
    expect(await heldFinding(t, closed.id)).toBeUndefined();
  });

  describe('what it refuses, for every role, storing nothing', () => {
    it('closing without a passed re-inspection, by the lead or an administrator', async () => {
      const hazard = await storedHazard(s);
      await expectRefused(
        s,
        s.li,
        upsert('finding', { ...hazard, status: 'closed' }),
        'closeNeedsPassedReinspection',
      );
      const waiting = await rectified();
      const verification = recordReinspection(waiting, passed, by(s.chen), chenVisit).verification;
      await expectRefused(
        s,
        s.admin,
        upsert('finding', { ...waiting, status: 'closed', verification }),
        'closeNeedsPassedReinspection',
      );
    });

    it('moving the deadline to 2099 directly, by the lead, a supervisor or an administrator', async () => {
      const hazard = await storedHazard(s);
      const moved = upsert('finding', { ...hazard, deadline: '2099-12-31' });
      for (const device of [s.li, s.safety, s.admin]) {
        await expectRefused(s, device, moved, 'deadlineNeedsFailedReinspection');
      }
    });

    it('rewriting or removing a step of the history', async () => {
      const hazard = await rectified();
      const [step] = hazard.history ?? [];
      if (step?.kind !== 'rectificationReported') throw new Error('no report');
      const rewritten = { ...step, report: { ...step.report, reportedOn: '2026-11-01' } };
      await expectRefused(
        s,
        s.li,
        upsert('finding', {
          ...hazard,
          rectification: rewritten.report,
          history: [rewritten],
        }),
        'historyRewritten',
      );
      await expectRefused(
        s,
        s.li,
        upsert('finding', { ...hazard, history: [] }),
        'historyRewritten',
      );
    });

    it('a verification sent again from an earlier re-inspection of the hazard', async () => {
      // Reported, failed at chen's visit of 26 November, reported again that day: then the
      // failed verification is sent again as a pass.
      const oldVisit = await storedVisit(s, s.chen, { startedAt: '2026-11-26T10:00:00.000+08:00' });
      const first = report(await storedHazard(s), s.chen, '2026-11-25');
      const failedThen = recordReinspection(
        first,
        failed,
        by(s.chen, oldVisit.startedAt, '2026-11-26'),
        oldVisit,
      );
      const [held] = await store(t, [report(failedThen, s.chen, '2026-11-26')]);
      const replayed = recordReinspection(
        held!,
        passed,
        by(s.chen, oldVisit.startedAt, '2026-11-26'),
        oldVisit,
      );
      await expectRefused(s, s.chen, upsert('finding', replayed), 'verificationStale');
    });

    it('a verification from a visit made before the rectification was reported', async () => {
      const earlier = await storedVisit(s, s.chen, { startedAt: '2026-11-26T10:00:00.000+08:00' });
      // Reported on 27 November.
      const waiting = await rectified();
      const sent = recordReinspection(
        waiting,
        passed,
        by(s.chen, earlier.startedAt, '2026-11-26'),
        earlier,
      );
      await expectRefused(s, s.chen, upsert('finding', sent), 'verificationStale');
    });

    it('a verification from a visit made before the hazard was found', async () => {
      const before = await storedVisit(s, s.chen, { startedAt: '2026-11-15T10:00:00.000+08:00' });
      // Held as awaiting re-inspection with no report recorded (as records made before reports).
      const waiting = await storedHazard(s, { status: 'rectified' });
      const sent = recordReinspection(
        waiting,
        passed,
        by(s.chen, before.startedAt, '2026-11-15'),
        before,
      );
      await expectRefused(s, s.chen, upsert('finding', sent), 'verificationStale');
    });

    it('a verification naming someone else, or a visit the caller did not take part in', async () => {
      const waiting = await rectified();
      const liVisit = await storedVisit(s, s.li);
      const otherPlant = await storedVisit(s, s.chen, { enterpriseId: s.otherEnterpriseId });
      const [routine] = await store(t, [
        newInspection(t.district, s.chen.userId, s.enterpriseId, {
          status: 'submitted',
          startedAt: at,
        }),
      ]);
      const verifiedAt = (visit: Inspection, d = s.chen) =>
        upsert('finding', recordReinspection(waiting, passed, by(d), visit));
      await expectRefused(s, s.chen, verifiedAt(liVisit, s.li), 'verifierMustBeYou');
      await expectRefused(s, s.chen, verifiedAt(liVisit), 'verificationVisit');
      await expectRefused(s, s.chen, verifiedAt(otherPlant), 'verificationVisit');
      await expectRefused(s, s.chen, verifiedAt(routine!), 'verificationVisit');
    });

    it('a re-inspection by an administrator', async () => {
      const waiting = await rectified();
      const adminVisit = await storedVisit(s, s.admin);
      const sent = recordReinspection(waiting, passed, by(s.admin), adminVisit);
      await expectRefused(s, s.admin, upsert('finding', sent), 'reinspectionByOfficer');
    });

    it("a re-inspection time off the visit's day, or in the future", async () => {
      const waiting = await rectified();
      const dayBefore = recordReinspection(
        waiting,
        passed,
        by(s.chen, '2026-11-28T10:00:00.000+08:00', '2026-11-28'),
        chenVisit,
      );
      await expectRefused(s, s.chen, upsert('finding', dayBefore), 'verificationDate');
      const ahead = recordReinspection(waiting, passed, by(s.chen, minutesAfterNow(11)), chenVisit);
      await expectRefused(s, s.chen, upsert('finding', ahead), 'statedDateFuture');
    });

    it("a verification that does not name the visit's officers", async () => {
      const pair = await storedVisit(s, s.chen, { coInspectorIds: [s.zhao.userId] });
      const waiting = await rectified();
      const alone = recordReinspection(waiting, passed, by(s.chen), {
        ...pair,
        coInspectorIds: [],
      });
      await expectRefused(s, s.chen, upsert('finding', alone), 'verificationOfficers');
    });

    it('a report recorded in the name of someone else, or dated tomorrow', async () => {
      const hazard = await storedHazard(s);
      await expectRefused(s, s.chen, upsert('finding', report(hazard, s.li)), 'recorderMustBeYou');
      const tomorrow = reportRectification(
        hazard,
        { reportedOn: '2026-11-30', note: '' },
        by(s.chen, at, '2026-11-30'),
      );
      await expectRefused(s, s.chen, upsert('finding', tomorrow), 'statedDateFuture');
    });

    it('a report of a hazard not open, a re-inspection of one not reported', async () => {
      const waiting = await rectified();
      const again = report({ ...waiting, status: 'open' }, s.chen);
      await expectRefused(s, s.chen, upsert('finding', again), 'reportNeedsOpen');
      const hazard = await storedHazard(s);
      const early = recordReinspection(
        { ...hazard, status: 'rectified' },
        passed,
        by(s.chen),
        chenVisit,
      );
      await expectRefused(s, s.chen, upsert('finding', early), 'reinspectionNeedsRectified');
    });

    it('a failed re-inspection with no new deadline or one not after today, a pass without a photo', async () => {
      const waiting = await rectified();
      // Made as a device whose clock says 28 November would: the server's today is the 29th.
      const dueToday = recordReinspection(
        waiting,
        { ...failed, newDeadline: today },
        by(s.chen, at, '2026-11-28'),
        chenVisit,
      );
      await expectRefused(s, s.chen, upsert('finding', dueToday), 'newDeadlineNotAfterToday');
      const step = dueToday.history?.at(-1);
      if (step?.kind !== 'reinspected') throw new Error('no re-inspection');
      const none = {
        ...dueToday,
        deadline: waiting.deadline,
        history: [...(waiting.history ?? []), { ...step, newDeadline: null }],
      };
      await expectRefused(s, s.chen, upsert('finding', none), 'newDeadlineRequired');
      const pass = recordReinspection(waiting, passed, by(s.chen), chenVisit);
      const passStep = pass.history?.at(-1);
      if (passStep?.kind !== 'reinspected') throw new Error('no re-inspection');
      const noPhoto = { ...passStep.verification, photos: [] };
      await expectRefused(
        s,
        s.chen,
        upsert('finding', {
          ...pass,
          verification: noPhoto,
          history: [...(waiting.history ?? []), { ...passStep, verification: noPhoto }],
        }),
        'passNeedsPhotos',
      );
    });

    it('a step appended without the state it makes', async () => {
      const hazard = await storedHazard(s);
      const sent = report(hazard, s.chen);
      await expectRefused(
        s,
        s.chen,
        upsert('finding', { ...sent, status: 'open' }),
        'rectificationUnexplained',
      );
    });
  });
});
