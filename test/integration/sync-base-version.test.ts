// A device's copy of a record is never newer than the server's: a mutation whose baseVersion is
// above the record's current version (0 for a record the server does not hold) is refused with
// its own code, and nothing of it is stored.
import { describe, expect, it } from 'vitest';
import type { DemoApp } from '../support/demo-app';
import { expectRefused, snapshot } from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import {
  newFinding,
  newInspectionOf,
  push,
  upsert,
  withSignedInApp,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('base versions on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  withSignedInApp(kind, 'inspector.li', {}, (app, device) => {
    t = app;
    li = device;
  });

  it('refuses a base above the version of a record the server does not hold', async () => {
    const inspection = newInspectionOf(t.district, li);
    const error = await expectRefused(
      t,
      li,
      [upsert('inspection', inspection, 1)],
      'baseVersionAhead',
      [inspection.id],
    );
    expect(error).toMatch(/baseVersion 1 is above .* \(0\)/);
    expect(await snapshot(t, [inspection.id])).toEqual([]);
  });

  it('refuses a base above the stored version, an upsert or a delete', async () => {
    const inspection = newInspectionOf(t.district, li);
    const finding = newFinding(inspection);
    const made = await push(t.app, li, [
      upsert('inspection', inspection),
      upsert('finding', finding),
    ]);
    const version = made.results[1]?.version ?? 0;
    const ahead = version + 1;
    await expectRefused(
      t,
      li,
      [upsert('finding', { ...finding, title: '改过的标题' }, ahead)],
      'baseVersionAhead',
      [finding.id],
    );
    await expectRefused(
      t,
      li,
      [{ entity: 'finding', id: finding.id, op: 'delete', data: null, baseVersion: ahead }],
      'baseVersionAhead',
      [finding.id],
    );
    // At the stored version it is taken.
    const taken = await push(t.app, li, [
      upsert('finding', { ...finding, title: '改过的标题' }, version),
    ]);
    expect(taken.results[0]?.status).toBe('applied');
  });
});
