// A draft's setup changed and a draft deleted as the app writes them (the renderer's real
// repositories, outbox and push on fake-indexeddb) are what the server's inspection rules accept:
// a co-inspector added to a draft started alone, its agencies following; and the server still
// refuses a deactivated co-inspector added the same way, storing nothing of the change. A draft
// deleted by its lead goes with its hazards.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAJOR_HAZARD_TEMPLATE_ID } from '../../server/src/statutory/built-in-templates';
import {
  changeDraftSetup,
  deleteDraftInspection,
} from '../../renderer/src/db/repositories/draft-setup';
import { saveFindingContent } from '../../renderer/src/db/repositories/findings';
import { createInspection, setItemResult } from '../../renderer/src/db/repositories/inspections';
import { readRecord } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import { addUser, agencyOf } from '../support/extra-users';
import type { AppDevice } from '../support/app-devices';
import { appDevices, sendOutbox } from '../support/app-devices';
import { databaseKinds } from '../support/test-databases';

const ZONE = '330604400';

describe.each(databaseKinds)("a draft's setup as the app changes it, on %s", (kind) => {
  let t: DemoApp;
  let li: AppDevice;
  let qianId: string;
  let chenId: string;
  let enterpriseId: string;

  const devices = appDevices(() => t, `draft-setup-${kind}`);
  const appDevice = (username: string) => devices.open(username);

  beforeAll(async () => {
    t = await demoApp(kind);
    // A second safety inspector of the zone, known to li's device before she is deactivated.
    qianId = (
      await addUser(t, {
        username: 'inspector.qian',
        role: 'inspector',
        agency: 'safety',
        jurisdiction: [ZONE],
      })
    ).userId;
    li = await appDevice('inspector.li');
    chenId = t.district.users.find((u) => u.record.username === 'inspector.chen')?.record.id ?? '';
    enterpriseId = t.district.enterprises.find((e) => e.town === ZONE)?.id ?? '';
  });
  afterAll(async () => {
    await devices.deleteAll();
    await t.close();
  });

  const startAlone = async () => {
    const template = await li.db.templates.get(MAJOR_HAZARD_TEMPLATE_ID);
    if (!template) throw new Error('the built-in checklist is not on the device');
    return createInspection(li.db, {
      enterpriseId,
      kind: 'routine',
      templates: [{ id: template.id, version: template.version }],
      lead: li.user,
      coInspectorIds: [],
      location: { lat: 30.03, lon: 120.87, accuracyM: 8 },
    });
  };

  it('takes a co-inspector added to a draft started alone, with the agencies of its officers', async () => {
    const draft = await startAlone();
    await sendOutbox(li);
    const setup = {
      coInspectorIds: [chenId],
      templates: draft.templateRefs ?? [],
      location: { lat: 30.04, lon: 120.88, accuracyM: null },
    };
    await changeDraftSetup(li.db, draft.id, li.user, setup);
    await sendOutbox(li);
    expect(await li.db.rejected.toArray()).toEqual([]);
    expect(await readRecord(t.db, 'inspection', draft.id)).toMatchObject({
      status: 'draft',
      coInspectorIds: [chenId],
      agencyIds: [agencyOf(t, 'safety'), agencyOf(t, 'environment')],
      location: { lat: 30.04, lon: 120.88, accuracyM: null },
    });
  });

  it('still refuses a deactivated co-inspector added to a draft, storing nothing of the change', async () => {
    const draft = await startAlone();
    await sendOutbox(li);
    const admin = t.district.users.find((u) => u.record.role === 'admin')?.record.id;
    await t.db.query(
      `INSERT INTO deactivated_users (user_id, at, by) VALUES ($1::uuid, now(), $2::uuid)`,
      [qianId, admin],
    );
    try {
      const before = await readRecord(t.db, 'inspection', draft.id);
      await changeDraftSetup(li.db, draft.id, li.user, {
        coInspectorIds: [qianId],
        templates: draft.templateRefs ?? [],
        location: draft.location,
      });
      await sendOutbox(li);
      const [rejected] = await li.db.rejected.toArray();
      expect(rejected).toMatchObject({ id: draft.id, refusal: { code: 'coInspectorDeactivated' } });
      expect(await readRecord(t.db, 'inspection', draft.id)).toEqual(before);
    } finally {
      await t.db.query('DELETE FROM deactivated_users WHERE user_id = $1::uuid', [qianId]);
      await li.db.rejected.clear();
    }
  });

  it("deletes a draft by its lead with its hazards, the app's tombstones accepted", async () => {
    const draft = await startAlone();
    await setItemResult(li.db, draft.id, { itemId: 'mh-02', result: 'fail', note: '' });
    const hazard = await saveFindingContent(
      li.db,
      { id: crypto.randomUUID(), inspectionId: draft.id, enterpriseId, createdBy: li.user.id },
      {
        itemId: 'mh-02',
        title: '特种作业人员未持证上岗',
        description: '',
        category: 'special_operations',
        grade: 'major',
        legalBasis: '判定标准第2项',
        requirement: '立即停止无证人员作业',
        deadline: '2027-01-28',
        responsiblePerson: '张平',
        photos: [],
      },
    );
    await sendOutbox(li);
    expect(await li.db.rejected.toArray()).toEqual([]);
    await deleteDraftInspection(li.db, draft.id, li.user.id);
    await sendOutbox(li);
    expect(await li.db.rejected.toArray()).toEqual([]);
    expect((await readRecord(t.db, 'inspection', draft.id))?.deletedAt).not.toBeNull();
    expect((await readRecord(t.db, 'finding', hazard.id))?.deletedAt).not.toBeNull();
  });
});
