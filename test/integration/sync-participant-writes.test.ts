// What taking part in an inspection grants an officer whose own towns are elsewhere: she pulls the
// inspection (sync-pull-participants.test.ts) and writes what taking part grants, whatever her
// towns: the draft and its hazards, her signature, amendments once it is submitted. What it does
// not grant: starting an inspection there, taking the draft to an enterprise outside her towns and
// its own, or the rectification of its hazards, which outside one's towns is recorded only as a
// re-inspection at a visit one took part in (by any officer of that visit). Every refusal reads the records back unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRectification, recordReinspection } from '../../domain/rules/rectification';
import { requestExtension } from '../../domain/rules/extension';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import { jpeg, photoRef, putBlob } from '../support/blob-fixtures';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import {
  FINISHED_AT,
  completeDraft,
  snapshot,
  storedInspection,
  uploadSignature,
} from '../support/inspection-fixtures';
import type { Device, MutationInput } from '../support/push-fixtures';
import { newFinding, newInspection, push, signIn, upsert } from '../support/push-fixtures';
import { newVisit } from '../support/rectification-fixtures';
import { storedRecord } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

/** The development zone: li's town, not wang's nor zhao's. */
const ZONE = '330604400';
/** 07:30 in China on the server's day (TEST_NOW is 08:00): a time an officer may state. */
const at = '2026-11-28T23:30:00.000Z';
const today = '2026-11-29';

describe.each(databaseKinds)(
  'writes of an officer who takes part outside her towns, on %s',
  (kind) => {
    let t: DemoApp;
    let li: Device;
    let wang: Device; // co-inspector, of the same bureau, whose towns are elsewhere
    let zhao: Device; // of other towns, takes no part
    let zoneEnterprise: string;
    /** An enterprise of a town of zhao's, neither li's nor wang's. */
    let elsewhere: string;

    beforeAll(async () => {
      t = await demoApp(kind);
      [li, wang, zhao] = (await Promise.all(
        ['inspector.li', 'inspector.wang', 'inspector.zhao'].map((u) =>
          signIn(t.app, t.district, u),
        ),
      )) as [Device, Device, Device];
      const towns = (username: string) =>
        t.district.users.find((u) => u.record.username === username)?.record.jurisdiction ?? [];
      const zone = t.district.enterprises.find((e) => e.town === ZONE);
      const other = t.district.enterprises.find(
        (e) =>
          towns('inspector.zhao').includes(e.town) &&
          !towns('inspector.li').includes(e.town) &&
          !towns('inspector.wang').includes(e.town),
      );
      if (!zone || !other) throw new Error('the demo district lacks the enterprises needed');
      zoneEnterprise = zone.id;
      elsewhere = other.id;
    });
    afterAll(() => t.close());

    /** li's draft in the zone with wang as co-inspector, and a hazard of it, as stored. */
    async function sharedDraft(overrides: Partial<Inspection> = {}) {
      const draft = newInspection(t.district, li.userId, zoneEnterprise, {
        coInspectorIds: [wang.userId],
        ...overrides,
      });
      const hazard = newFinding(draft);
      const res = await push(t.app, li, [upsert('inspection', draft), upsert('finding', hazard)]);
      expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      return {
        draft: (await storedInspection(t, draft.id)).data,
        hazard: (await storedRecord<Finding>(t.db, 'finding', hazard.id))!.data,
      };
    }

    /** Pushes as `device` and expects each mutation applied. */
    async function expectApplied(device: Device, mutations: MutationInput[]) {
      const res = await push(t.app, device, mutations);
      expect(
        res.results.map((r) => [r.status, r.reason?.code]),
        device.username,
      ).toEqual(mutations.map(() => ['applied', undefined]));
      return res;
    }

    /** Pushes as `device`, expects the last mutation refused with `code`, `ids` stored as before. */
    async function expectRefused(
      device: Device,
      mutations: MutationInput[],
      code: string,
      ids: string[],
    ) {
      const before = await snapshot(t, ids);
      const res = await push(t.app, device, mutations);
      expect(res.results.at(-1), device.username).toMatchObject({
        status: 'rejected',
        reason: { code },
      });
      expect(await snapshot(t, ids)).toEqual(before);
    }

    it('lets her write the draft, sign it, and add, change and delete its hazards', async () => {
      const { draft, hazard } = await sharedDraft();
      await expectApplied(wang, [
        upsert(
          'inspection',
          { ...draft, enterpriseRep: { name: '王经理', title: '安全主管' } },
          draft.version,
        ),
      ]);
      const image = await uploadSignature(t.app, wang, 'wang signs');
      const current = (await storedInspection(t, draft.id)).data;
      await expectApplied(wang, [
        upsert(
          'inspection',
          {
            ...current,
            signatures: [
              { role: 'co', userId: wang.userId, name: '王磊', signedAt: FINISHED_AT, image },
            ],
          },
          current.version,
        ),
      ]);
      expect((await storedInspection(t, draft.id)).data.signatures.map((s) => s.userId)).toEqual([
        wang.userId,
      ]);

      const added = newFinding(draft, { createdBy: wang.userId, title: '王发现的隐患' });
      await expectApplied(wang, [
        upsert('finding', added),
        upsert('finding', { ...hazard, title: '王改过的标题' }, hazard.version),
      ]);
      const held = (await storedRecord<Finding>(t.db, 'finding', added.id))!;
      await expectApplied(wang, [
        { entity: 'finding', id: added.id, op: 'delete', data: null, baseVersion: held.version },
      ]);
      expect(
        (await storedRecord<Finding>(t.db, 'finding', added.id))?.data.deletedAt,
      ).not.toBeNull();
      expect((await storedRecord<Finding>(t.db, 'finding', hazard.id))?.data.title).toBe(
        '王改过的标题',
      );
    });

    it('lets her amend the submitted inspection and its hazard', async () => {
      const complete = await completeDraft(t, li, [wang.userId], zoneEnterprise);
      const hazard = newFinding(complete);
      await expectApplied(li, [
        upsert('inspection', complete),
        upsert('finding', hazard),
        upsert('inspection', { ...complete, status: 'submitted', finishedAt: FINISHED_AT }, 0),
      ]);
      const submitted = await storedInspection(t, complete.id);
      const amendment = { at, by: wang.userId, reason: '等级有误', findingId: hazard.id };
      const held = (await storedRecord<Finding>(t.db, 'finding', hazard.id))!;
      await expectApplied(wang, [
        upsert(
          'inspection',
          { ...submitted.data, amendments: [...submitted.data.amendments, amendment] },
          submitted.version,
        ),
        upsert('finding', { ...held.data, grade: 'major', amendedAt: at }, held.version),
      ]);
      expect((await storedRecord<Finding>(t.db, 'finding', hazard.id))?.data.grade).toBe('major');
    });

    it('refuses her a new inspection there, and the draft taken to an enterprise outside her towns', async () => {
      const mine = newInspection(t.district, wang.userId, zoneEnterprise);
      await expectRefused(wang, [upsert('inspection', mine)], 'outsideJurisdiction', [mine.id]);
      const { draft } = await sharedDraft();
      await expectRefused(
        wang,
        [upsert('inspection', { ...draft, enterpriseId: elsewhere }, draft.version)],
        'outsideJurisdiction',
        [draft.id],
      );
    });

    it('refuses an officer of other towns who takes no part, as before', async () => {
      const { draft, hazard } = await sharedDraft();
      await expectRefused(
        zhao,
        [upsert('finding', { ...hazard, title: '赵改的标题' }, hazard.version)],
        'outsideJurisdiction',
        [draft.id, hazard.id],
      );
      await expectRefused(
        zhao,
        [
          upsert(
            'inspection',
            { ...draft, coInspectorIds: [wang.userId, zhao.userId] },
            draft.version,
          ),
        ],
        'outsideJurisdiction',
        [draft.id],
      );
    });

    describe('the rectification of the hazards it found, outside her towns', () => {
      const photo = jpeg('wang after-photo');

      /** A hazard of a submitted inspection li led with wang, as stored. */
      async function submittedHazard() {
        const complete = await completeDraft(t, li, [wang.userId], zoneEnterprise);
        const hazard = newFinding(complete, { deadline: '2026-12-10' });
        await expectApplied(li, [
          upsert('inspection', complete),
          upsert('finding', hazard),
          upsert('inspection', { ...complete, status: 'submitted', finishedAt: FINISHED_AT }, 0),
        ]);
        return (await storedRecord<Finding>(t.db, 'finding', hazard.id))!;
      }

      /** A re-inspection visit to the zone enterprise led by li with `co`, as li's device sends it. */
      async function visit(co: Device) {
        const made = newVisit(t.district, li.userId, zoneEnterprise, [co.userId]);
        await expectApplied(li, [upsert('inspection', made)]);
        return (await storedInspection(t, made.id)).data;
      }

      it('refuses her a report of rectification and a request for more time', async () => {
        const held = await submittedHazard();
        const by = { userId: wang.userId, at, today };
        const reported = reportRectification(held.data, { reportedOn: today, note: '' }, by);
        await expectRefused(
          wang,
          [upsert('finding', reported, held.version)],
          'outsideJurisdiction',
          [held.data.id],
        );
        const asked = requestExtension(
          held.data,
          { requestedOn: today, reason: '设备未到', requestedDeadline: '2027-01-15' },
          by,
          '01a24300-0000-7000-8000-000000000001',
        );
        await expectRefused(wang, [upsert('finding', asked, held.version)], 'outsideJurisdiction', [
          held.data.id,
        ]);
      });

      it('takes a re-inspection at a visit its officer took part in, even one who found nothing there, and no other', async () => {
        for (const device of [wang, zhao]) {
          expect((await putBlob(t.app, device.token, photo)).statusCode).toBe(201);
        }
        const held = await submittedHazard();
        const reported = reportRectification(
          held.data,
          { reportedOn: today, note: '' },
          { userId: li.userId, at, today },
        );
        await expectApplied(li, [upsert('finding', reported, held.version)]);
        const stored = (await storedRecord<Finding>(t.db, 'finding', held.data.id))!;
        const input = {
          result: 'passed' as const,
          photos: [photoRef(photo)],
          note: '',
          newDeadline: null,
        };
        const by = (device: Device) => ({ userId: device.userId, at, today });
        const reinspected = (device: Device, visited: Inspection) =>
          upsert(
            'finding',
            recordReinspection(stored.data, input, by(device), visited),
            stored.version,
          );

        // zhao's towns are elsewhere and he took no part in finding the hazard.
        const withZhao = await visit(zhao);
        const withWang = await visit(wang);
        await expectRefused(wang, [reinspected(wang, withZhao)], 'verificationVisit', [
          held.data.id,
        ]);
        await expectRefused(zhao, [reinspected(zhao, withWang)], 'verificationVisit', [
          held.data.id,
        ]);
        await expectApplied(zhao, [reinspected(zhao, withZhao)]);
        expect((await storedRecord<Finding>(t.db, 'finding', held.data.id))?.data).toMatchObject({
          status: 'closed',
          verification: { verifiedBy: zhao.userId, inspectionId: withZhao.id },
        });
      });
    });
  },
);
