// A device numbers its mutations 1, 2, 3… and the server answers every mid at or below its last
// one as a duplicate. A batch whose mids skip, repeat or go back inside it would leave a hole the
// server later answers as a duplicate, losing the mutation sent for it: the whole batch is
// refused, nothing of it is stored, and the device's numbering goes on where it stood.
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../domain/sync/protocol';
import type { DemoApp } from '../support/demo-app';
import { errorBody } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import {
  newInspectionOf,
  push,
  rawPush,
  signIn,
  upsert,
  withSignedInApp,
} from '../support/push-fixtures';
import { NEVER_STORED, lastMidOf, recordState, savedResult } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('the mids of one push batch, on %s', (kind) => {
  let t: DemoApp;
  withSignedInApp(kind, 'inspector.li', {}, (app) => {
    t = app;
  });

  /** A new device of li's that has pushed `count` inspections (its lastMid is `count`). */
  async function deviceAfter(count: number): Promise<Device> {
    const device = await signIn(t.app, t.district, 'inspector.li');
    if (count > 0) {
      const res = await push(
        t.app,
        device,
        Array.from({ length: count }, () =>
          upsert('inspection', newInspectionOf(t.district, device)),
        ),
      );
      expect(res.lastMid).toBe(count);
    }
    return device;
  }

  /** New inspections of the device's user, numbered with `mids` as given. */
  const batch = (device: Device, mids: number[]): Mutation[] =>
    mids.map((mid) => ({ ...upsert('inspection', newInspectionOf(t.district, device)), mid }));

  /** Sends `mutations` and expects the whole batch refused with nothing of it stored. */
  async function expectRefusedWhole(device: Device, mutations: Mutation[]) {
    const last = await lastMidOf(t.db, device.deviceId);
    const res = await rawPush(t.app, device, mutations);
    const mids = mutations.map((m) => m.mid).join(', ');
    expect(res.statusCode, `[${mids}]`).toBe(400);
    const body = errorBody(res);
    expect(body.error).toBe('invalid_batch');
    expect(body.message).toMatch(/mutations\.\d+\.mid must be \d+/);
    for (const m of mutations) {
      expect(await recordState(t.db, 'inspection', m.id), `[${mids}] ${m.mid}`).toEqual(
        NEVER_STORED,
      );
      // An answer kept for a fresh mid would be repeated as that mid's duplicate.
      if (m.mid > (last ?? 0))
        expect(await savedResult(t.db, device.deviceId, m.mid)).toBeUndefined();
    }
    expect(await lastMidOf(t.db, device.deviceId)).toBe(last);
  }

  it('refuses a batch whose fresh mids skip one, and takes the skipped mid and the rest after it', async () => {
    const device = await deviceAfter(0);
    await expectRefusedWhole(device, batch(device, [1, 3]));
    await expectRefusedWhole(device, batch(device, [1, 2, 4, 5]));

    // The mid left out is not answered as a duplicate later: every one of them is applied.
    const resent = batch(device, [1, 2, 3]);
    const res = await rawPush(t.app, device, resent);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    for (const m of resent) expect((await recordState(t.db, 'inspection', m.id)).history).toBe(1);
    expect(await lastMidOf(t.db, device.deviceId)).toBe(3);
  });

  it('refuses a batch that repeats its earlier answers and skips after them', async () => {
    const device = await deviceAfter(3);
    // Duplicates then fresh mids with a hole; a batch that starts below lastMid and skips just
    // past it; duplicates alone with a hole between them.
    await expectRefusedWhole(device, batch(device, [2, 3, 4, 6]));
    await expectRefusedWhole(device, batch(device, [2, 3, 5]));
    await expectRefusedWhole(device, batch(device, [1, 3]));
    const next = batch(device, [4]);
    const res = await rawPush(t.app, device, next);
    expect(res.json()).toMatchObject({ results: [{ mid: 4, status: 'applied' }], lastMid: 4 });
  });

  it('refuses mids that repeat or go back inside a batch', async () => {
    const device = await deviceAfter(1);
    await expectRefusedWhole(device, batch(device, [2, 2]));
    await expectRefusedWhole(device, batch(device, [3, 2]));
    await expectRefusedWhole(device, batch(device, [2, 3, 2]));
    const res = await rawPush(t.app, device, batch(device, [2, 3]));
    expect(res.json()).toMatchObject({
      results: [
        { mid: 2, status: 'applied' },
        { mid: 3, status: 'applied' },
      ],
      lastMid: 3,
    });
  });
});
