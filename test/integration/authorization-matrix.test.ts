// The authorization matrix of POST /sync/push: who may do what to which record, in which state,
// inside or outside their jurisdiction, on both databases. Each row is one person, one entity and
// one action, with the outcome in each state of the record: `applied`, or the refusal code (and
// then nothing is stored: every record involved is read back unchanged). Records are built afresh
// for each cell: an inspection at an enterprise of the development zone, led by li with a safety
// colleague as co-inspector, with one hazard; submitted, then approved or returned by the safety
// supervisor. `__` marks a state in which the action does not apply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { amendInspection } from '../../domain/rules/amendment';
import type { Agency } from '../../domain/schemas/agency';
import type { Enterprise } from '../../domain/schemas/enterprise';
import type { EntityName } from '../../domain/schemas/entities';
import type { Finding } from '../../domain/schemas/finding';
import type { Review } from '../../domain/schemas/inspection';
import type { ChecklistTemplate } from '../../domain/schemas/template';
import type { User } from '../../domain/schemas/user';
import type { RefusalCode } from '../../domain/sync/refusals';
import { writeRecords } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import { addUser, agencyOf } from '../support/extra-users';
import {
  FINISHED_AT,
  completeDraft,
  decided,
  snapshot,
  storedInspection,
} from '../support/inspection-fixtures';
import type { Device, MutationInput } from '../support/push-fixtures';
import { newFinding, newInspection, push, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

type Outcome = 'applied' | RefusalCode | null;
type Role =
  | 'lead' // an inspector of the town, who leads the inspection
  | 'co' // an inspector of the town and of the agency, its co-inspector
  | 'colleague' // an inspector of the town and of the agency who takes no part in it
  | 'otherTown' // an inspector of the agency whose towns are elsewhere
  | 'otherAgency' // an inspector of the other agency
  | 'supervisor' // a supervisor of the inspection's agency
  | 'otherSupervisor' // a supervisor of the other agency
  | 'admin';
/** Whether the record's town is in the person's jurisdiction. */
type Where = 'in' | 'out';
type Action = 'create' | 'content' | 'submit' | 'amend' | 'approve' | 'return' | 'delete';
type State = 'draft' | 'pending' | 'approved' | 'returned';
const STATES: State[] = ['draft', 'pending', 'approved', 'returned'];

const ok = 'applied';
const __ = null;
const locked = 'submittedLocked';
const outside = 'outsideJurisdiction';

type Row = [Role, Where, 'inspection' | 'finding', Action, Outcome, Outcome, Outcome, Outcome];

// prettier-ignore
const RECORD_ROWS: Row[] = [
  // role             where   entity        action        draft                  pending                   approved                  returned
  ['lead',            'in',   'inspection', 'create',     ok,                    __,                       __,                       __],
  ['lead',            'in',   'inspection', 'content',    ok,                    'amendmentRequired',      'amendmentRequired',      'amendmentRequired'],
  ['lead',            'in',   'inspection', 'submit',     ok,                    __,                       __,                       __],
  ['lead',            'in',   'inspection', 'amend',      'amendmentNotSubmitted', ok,                     ok,                       ok],
  ['lead',            'in',   'inspection', 'approve',    'reviewBySupervisor',  'reviewBySupervisor',     'reviewBySupervisor',     'reviewBySupervisor'],
  ['lead',            'in',   'inspection', 'return',     'reviewBySupervisor',  'reviewBySupervisor',     'reviewBySupervisor',     'reviewBySupervisor'],
  ['lead',            'in',   'inspection', 'delete',     ok,                    'submittedFinal',         'submittedFinal',         'submittedFinal'],
  ['lead',            'in',   'finding',    'create',     ok,                    locked,                   locked,                   locked],
  ['lead',            'in',   'finding',    'content',    ok,                    locked,                   locked,                   locked],
  ['lead',            'in',   'finding',    'amend',      __,                    ok,                       ok,                       ok],
  ['lead',            'in',   'finding',    'delete',     ok,                    locked,                   locked,                   locked],

  ['co',              'in',   'inspection', 'create',     ok,                    __,                       __,                       __],
  ['co',              'in',   'inspection', 'content',    ok,                    'amendmentRequired',      'amendmentRequired',      'amendmentRequired'],
  ['co',              'in',   'inspection', 'submit',     ok,                    __,                       __,                       __],
  ['co',              'in',   'inspection', 'amend',      'amendmentNotSubmitted', ok,                     ok,                       ok],
  ['co',              'in',   'inspection', 'approve',    'reviewBySupervisor',  'reviewBySupervisor',     'reviewBySupervisor',     'reviewBySupervisor'],
  ['co',              'in',   'inspection', 'return',     'reviewBySupervisor',  'reviewBySupervisor',     'reviewBySupervisor',     'reviewBySupervisor'],
  ['co',              'in',   'inspection', 'delete',     'deleteOwnDraftOnly',  'submittedFinal',         'submittedFinal',         'submittedFinal'],
  ['co',              'in',   'finding',    'create',     ok,                    locked,                   locked,                   locked],
  ['co',              'in',   'finding',    'content',    ok,                    locked,                   locked,                   locked],
  ['co',              'in',   'finding',    'amend',      __,                    ok,                       ok,                       ok],
  ['co',              'in',   'finding',    'delete',     ok,                    locked,                   locked,                   locked],

  ['colleague',       'in',   'inspection', 'create',     ok,                    __,                       __,                       __],
  ['colleague',       'in',   'inspection', 'content',    'notYourInspection',   'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['colleague',       'in',   'inspection', 'submit',     'notYourInspection',   __,                       __,                       __],
  ['colleague',       'in',   'inspection', 'amend',      'notYourInspection',   'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['colleague',       'in',   'inspection', 'approve',    'notYourInspection',   'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['colleague',       'in',   'inspection', 'return',     'notYourInspection',   'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['colleague',       'in',   'inspection', 'delete',     'notYourInspection',   'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['colleague',       'in',   'finding',    'create',     'notYourFinding',      locked,                   locked,                   locked],
  ['colleague',       'in',   'finding',    'content',    'notYourFinding',      locked,                   locked,                   locked],
  ['colleague',       'in',   'finding',    'amend',      __,                    'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['colleague',       'in',   'finding',    'delete',     'notYourFinding',      locked,                   locked,                   locked],

  ['otherTown',       'out',  'inspection', 'create',     outside,               __,                       __,                       __],
  ['otherTown',       'out',  'inspection', 'content',    outside,               outside,                  outside,                  outside],
  ['otherTown',       'out',  'inspection', 'submit',     outside,               __,                       __,                       __],
  ['otherTown',       'out',  'inspection', 'amend',      outside,               outside,                  outside,                  outside],
  ['otherTown',       'out',  'inspection', 'approve',    outside,               outside,                  outside,                  outside],
  ['otherTown',       'out',  'inspection', 'return',     outside,               outside,                  outside,                  outside],
  ['otherTown',       'out',  'inspection', 'delete',     outside,               outside,                  outside,                  outside],
  ['otherTown',       'out',  'finding',    'create',     outside,               locked,                   locked,                   locked],
  ['otherTown',       'out',  'finding',    'content',    outside,               locked,                   locked,                   locked],
  ['otherTown',       'out',  'finding',    'amend',      __,                    outside,                  outside,                  outside],
  ['otherTown',       'out',  'finding',    'delete',     outside,               locked,                   locked,                   locked],

  ['otherAgency',     'in',   'inspection', 'create',     ok,                    __,                       __,                       __],
  ['otherAgency',     'in',   'inspection', 'content',    'notYourInspection',   'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['otherAgency',     'in',   'inspection', 'submit',     'notYourInspection',   __,                       __,                       __],
  ['otherAgency',     'in',   'inspection', 'amend',      'notYourInspection',   'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['otherAgency',     'in',   'inspection', 'approve',    'notYourInspection',   'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['otherAgency',     'in',   'inspection', 'return',     'notYourInspection',   'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['otherAgency',     'in',   'inspection', 'delete',     'notYourInspection',   'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['otherAgency',     'in',   'finding',    'create',     'notYourFinding',      locked,                   locked,                   locked],
  ['otherAgency',     'in',   'finding',    'content',    'notYourFinding',      locked,                   locked,                   locked],
  ['otherAgency',     'in',   'finding',    'amend',      __,                    'notYourInspection',      'notYourInspection',      'notYourInspection'],
  ['otherAgency',     'in',   'finding',    'delete',     'notYourFinding',      locked,                   locked,                   locked],
  ['otherAgency',     'out',  'inspection', 'create',     outside,               __,                       __,                       __],
  ['otherAgency',     'out',  'inspection', 'content',    outside,               outside,                  outside,                  outside],
  ['otherAgency',     'out',  'inspection', 'approve',    outside,               outside,                  outside,                  outside],
  ['otherAgency',     'out',  'inspection', 'delete',     outside,               outside,                  outside,                  outside],
  ['otherAgency',     'out',  'finding',    'content',    outside,               locked,                   locked,                   locked],

  ['supervisor',      'in',   'inspection', 'create',     'supervisorCreates',   __,                       __,                       __],
  ['supervisor',      'in',   'inspection', 'content',    'supervisorReviewOnly', 'supervisorReviewOnly',  'supervisorReviewOnly',   'supervisorReviewOnly'],
  ['supervisor',      'in',   'inspection', 'submit',     'supervisorReviewOnly', __,                      __,                       __],
  ['supervisor',      'in',   'inspection', 'amend',      'supervisorReviewOnly', 'supervisorReviewOnly',  'supervisorReviewOnly',   'supervisorReviewOnly'],
  ['supervisor',      'in',   'inspection', 'approve',    'reviewNotSubmitted',  ok,                       ok,                       ok],
  ['supervisor',      'in',   'inspection', 'return',     'reviewNotSubmitted',  ok,                       ok,                       ok],
  ['supervisor',      'in',   'inspection', 'delete',     'supervisorReviewOnly', 'supervisorReviewOnly',  'supervisorReviewOnly',   'supervisorReviewOnly'],
  ['supervisor',      'in',   'finding',    'create',     'supervisorCreates',   locked,                   locked,                   locked],
  ['supervisor',      'in',   'finding',    'content',    'rectificationOnly',   locked,                   locked,                   locked],
  ['supervisor',      'in',   'finding',    'amend',      __,                    'supervisorReviewOnly',   'supervisorReviewOnly',   'supervisorReviewOnly'],
  ['supervisor',      'in',   'finding',    'delete',     'rectificationOnly',   locked,                   locked,                   locked],
  ['supervisor',      'out',  'inspection', 'create',     outside,               __,                       __,                       __],
  ['supervisor',      'out',  'inspection', 'content',    outside,               outside,                  outside,                  outside],
  ['supervisor',      'out',  'inspection', 'approve',    outside,               outside,                  outside,                  outside],
  ['supervisor',      'out',  'inspection', 'return',     outside,               outside,                  outside,                  outside],
  ['supervisor',      'out',  'inspection', 'delete',     outside,               outside,                  outside,                  outside],
  ['supervisor',      'out',  'finding',    'content',    outside,               locked,                   locked,                   locked],

  ['otherSupervisor', 'in',   'inspection', 'create',     'supervisorCreates',   __,                       __,                       __],
  ['otherSupervisor', 'in',   'inspection', 'content',    'supervisorReviewOnly', 'supervisorReviewOnly',  'supervisorReviewOnly',   'supervisorReviewOnly'],
  ['otherSupervisor', 'in',   'inspection', 'approve',    'reviewOtherAgency',   'reviewOtherAgency',      'reviewOtherAgency',      'reviewOtherAgency'],
  ['otherSupervisor', 'in',   'inspection', 'return',     'reviewOtherAgency',   'reviewOtherAgency',      'reviewOtherAgency',      'reviewOtherAgency'],
  ['otherSupervisor', 'in',   'inspection', 'delete',     'supervisorReviewOnly', 'supervisorReviewOnly',  'supervisorReviewOnly',   'supervisorReviewOnly'],
  ['otherSupervisor', 'in',   'finding',    'content',    'rectificationOnly',   locked,                   locked,                   locked],
  ['otherSupervisor', 'in',   'finding',    'delete',     'rectificationOnly',   locked,                   locked,                   locked],
  ['otherSupervisor', 'out',  'inspection', 'approve',    outside,               outside,                  outside,                  outside],
  ['otherSupervisor', 'out',  'inspection', 'return',     outside,               outside,                  outside,                  outside],

  ['admin',           'in',   'inspection', 'create',     'leadNotInspector',    __,                       __,                       __],
  ['admin',           'in',   'inspection', 'content',    'notYourInspection',   'amendmentRequired',      'amendmentRequired',      'amendmentRequired'],
  ['admin',           'in',   'inspection', 'submit',     'notYourInspection',   __,                       __,                       __],
  ['admin',           'in',   'inspection', 'amend',      'amendmentNotSubmitted', 'amendmentNotYours',    'amendmentNotYours',      'amendmentNotYours'],
  ['admin',           'in',   'inspection', 'approve',    'reviewBySupervisor',  'reviewBySupervisor',     'reviewBySupervisor',     'reviewBySupervisor'],
  ['admin',           'in',   'inspection', 'return',     'reviewBySupervisor',  'reviewBySupervisor',     'reviewBySupervisor',     'reviewBySupervisor'],
  ['admin',           'in',   'inspection', 'delete',     'deleteOwnDraftOnly',  'submittedFinal',         'submittedFinal',         'submittedFinal'],
  ['admin',           'in',   'finding',    'create',     'notYourFinding',      locked,                   locked,                   locked],
  ['admin',           'in',   'finding',    'content',    'notYourFinding',      locked,                   locked,                   locked],
  ['admin',           'in',   'finding',    'amend',      __,                    'amendmentNotYours',      'amendmentNotYours',      'amendmentNotYours'],
  ['admin',           'in',   'finding',    'delete',     'hazardDeleteDraftOnly', locked,                 locked,                   locked],
];

// Tasks are written by the server only (test/integration/tasks.test.ts).
type DirectoryEntity = Exclude<EntityName, 'inspection' | 'finding' | 'task'>;
type DirectoryRow = [Role, Where, DirectoryEntity, Outcome, Outcome, Outcome];
const admins = 'adminOnly';

// prettier-ignore
const DIRECTORY_ROWS: DirectoryRow[] = [
  // role             where   entity        create    content   delete
  ['admin',           'in',   'agency',     ok,       ok,       ok],
  ['admin',           'in',   'user',       ok,       ok,       ok],
  ['admin',           'in',   'enterprise', ok,       ok,       ok],
  ['admin',           'in',   'template',   ok,       ok,       ok],
  ['lead',            'in',   'agency',     admins,   admins,   admins],
  ['lead',            'in',   'user',       admins,   admins,   admins],
  ['lead',            'in',   'enterprise', admins,   admins,   admins],
  ['lead',            'in',   'template',   admins,   admins,   admins],
  ['otherTown',       'out',  'enterprise', admins,   admins,   admins],
  ['otherAgency',     'in',   'user',       admins,   admins,   admins],
  ['otherAgency',     'in',   'enterprise', admins,   admins,   admins],
  ['supervisor',      'in',   'agency',     admins,   admins,   admins],
  ['supervisor',      'in',   'user',       admins,   admins,   admins],
  ['supervisor',      'in',   'enterprise', admins,   admins,   admins],
  ['supervisor',      'in',   'template',   admins,   admins,   admins],
  ['supervisor',      'out',  'enterprise', admins,   admins,   admins],
  ['otherSupervisor', 'in',   'user',       admins,   admins,   admins],
  ['otherSupervisor', 'in',   'template',   admins,   admins,   admins],
];

const ZONE = '330604400';
const BAIGUAN = '330604001';

describe.each(databaseKinds)('the authorization matrix on %s', (kind) => {
  let t: DemoApp;
  const people = new Map<`${Role}/${Where}`, Device>();
  let lead: Device;
  let co: Device;
  let supervisor: Device;
  let enterprise: Enterprise;

  beforeAll(async () => {
    t = await demoApp(kind);
    const zone = t.district.enterprises.find((e) => e.town === ZONE);
    if (!zone) throw new Error('no enterprise in the zone');
    enterprise = zone;
    const sign = (username: string) => signIn(t.app, t.district, username);
    lead = await sign('inspector.li');
    co = await addUser(t, {
      username: 'inspector.qian',
      role: 'inspector',
      agency: 'safety',
      jurisdiction: [ZONE],
    });
    supervisor = await sign('supervisor.safety');
    people.set('lead/in', lead);
    people.set('co/in', co);
    people.set(
      'colleague/in',
      await addUser(t, {
        username: 'inspector.sun',
        role: 'inspector',
        agency: 'safety',
        jurisdiction: [ZONE],
      }),
    );
    people.set('otherTown/out', await sign('inspector.wang'));
    people.set('otherAgency/in', await sign('inspector.chen'));
    people.set('otherAgency/out', await sign('inspector.zhao'));
    people.set('supervisor/in', supervisor);
    people.set(
      'supervisor/out',
      await addUser(t, {
        username: 'supervisor.baiguan',
        role: 'supervisor',
        agency: 'safety',
        jurisdiction: [BAIGUAN],
      }),
    );
    people.set('otherSupervisor/in', await sign('supervisor.env'));
    people.set(
      'otherSupervisor/out',
      await addUser(t, {
        username: 'supervisor.env.baiguan',
        role: 'supervisor',
        agency: 'environment',
        jurisdiction: [BAIGUAN],
      }),
    );
    people.set('admin/in', await sign('admin'));
  });
  afterAll(() => t.close());

  const person = (role: Role, where: Where): Device => {
    const found = people.get(`${role}/${where}`);
    if (!found) throw new Error(`no ${role} ${where} the town`);
    return found;
  };

  /** li's inspection with one hazard, in `state`, as the server stores them. */
  async function record(state: State) {
    const draft = await completeDraft(t, lead, [co.userId], enterprise.id);
    const hazard = newFinding(draft);
    const submit = { ...draft, status: 'submitted' as const, finishedAt: FINISHED_AT };
    const res = await push(t.app, lead, [
      upsert('inspection', draft),
      upsert('finding', hazard),
      ...(state === 'draft' ? [] : [upsert('inspection', submit, 0)]),
    ]);
    expect(
      res.results.every((r) => r.status === 'applied'),
      JSON.stringify(res.results),
    ).toBe(true);
    if (state === 'approved') await decided(t, supervisor, draft.id, 'approved');
    if (state === 'returned') await decided(t, supervisor, draft.id, 'returned');
    const inspection = await storedInspection(t, draft.id);
    const [finding] = await t.db.query<{ version: number; data: Finding }>(
      `SELECT version, data FROM records WHERE entity = 'finding' AND id = $1::uuid`,
      [hazard.id],
    );
    if (!finding) throw new Error('the hazard is not stored');
    return { inspection, finding };
  }

  type Stored = Awaited<ReturnType<typeof record>>;
  const remove = (entity: EntityName, id: string, baseVersion: number): MutationInput => ({
    entity,
    id,
    op: 'delete',
    data: null,
    baseVersion,
  });
  const at = '2026-11-29T07:45:00.000+08:00';

  /** The mutations `actor` sends for the action, and the ids of the records they may touch. */
  function mutations(
    entity: 'inspection' | 'finding',
    action: Action,
    actor: Device,
    { inspection: i, finding: f }: Stored,
  ): { sent: MutationInput[]; ids: string[] } {
    const ids = [i.data.id, f.data.id];
    const review = (status: Review['status'], comment: string): MutationInput =>
      upsert(
        'inspection',
        { ...i.data, review: { status, comment, reviewerId: actor.userId, reviewedAt: at } },
        i.version,
      );
    if (entity === 'inspection') {
      switch (action) {
        case 'create': {
          const mine = newInspection(t.district, actor.userId, enterprise.id);
          return { sent: [upsert('inspection', mine)], ids: [mine.id] };
        }
        case 'content':
          return {
            sent: [
              upsert(
                'inspection',
                { ...i.data, location: { lat: 30.2, lon: 120.9, accuracyM: 3 } },
                i.version,
              ),
            ],
            ids,
          };
        case 'submit':
          return {
            sent: [
              upsert(
                'inspection',
                { ...i.data, status: 'submitted', finishedAt: FINISHED_AT },
                i.version,
              ),
            ],
            ids,
          };
        case 'amend': {
          const next = { ...i.data, enterpriseRep: { name: '李四', title: '厂长' } };
          const amended =
            i.data.status === 'submitted'
              ? amendInspection(i.data, next, { by: actor.userId, at, reason: '更正负责人' })
              : null;
          const data = amended?.ok
            ? amended.inspection
            : { ...next, amendments: [{ at, by: actor.userId, reason: '更正负责人' }] };
          return { sent: [upsert('inspection', data, i.version)], ids };
        }
        case 'approve':
          return { sent: [review('approved', '同意')], ids };
        case 'return':
          return { sent: [review('returned', '请补充整改期限')], ids };
        case 'delete':
          return { sent: [remove('inspection', i.data.id, i.version)], ids };
      }
    }
    switch (action) {
      case 'create': {
        const added = newFinding(i.data, { createdBy: actor.userId });
        return { sent: [upsert('finding', added)], ids: [...ids, added.id] };
      }
      case 'content':
        return {
          sent: [upsert('finding', { ...f.data, title: '改过的隐患名称' }, f.version)],
          ids,
        };
      case 'amend': {
        // The app's hazard amendment: the inspection records it, then the hazard names it.
        const amendment = { at, by: actor.userId, reason: '等级有误', findingId: f.data.id };
        return {
          sent: [
            upsert(
              'inspection',
              { ...i.data, amendments: [...i.data.amendments, amendment] },
              i.version,
            ),
            upsert('finding', { ...f.data, grade: 'major', amendedAt: at }, f.version),
          ],
          ids,
        };
      }
      case 'delete':
        return { sent: [remove('finding', f.data.id, f.version)], ids };
      default:
        throw new Error(`no ${action} of a hazard`);
    }
  }

  const cells = RECORD_ROWS.flatMap(([role, where, entity, action, ...outcomes]) =>
    STATES.flatMap((state, n) => {
      const expected = outcomes[n];
      return expected === null || expected === undefined
        ? []
        : [{ role, where, entity, action, state, expected }];
    }),
  );

  for (const { role, where, entity, action, state, expected } of cells) {
    it(`${role} (${where}) ${action} of a ${entity}, ${state}: ${expected}`, async () => {
      const actor = person(role, where);
      const stored = await record(state);
      const { sent, ids } = mutations(entity, action, actor, stored);
      const before = await snapshot(t, ids);
      const res = await push(t.app, actor, sent);
      const statuses = res.results.map((r) => r.status);
      if (expected === 'applied') {
        expect(statuses, JSON.stringify(res.results)).toEqual(sent.map(() => 'applied'));
        expect(await snapshot(t, ids)).not.toEqual(before);
      } else {
        // Nothing of it is taken: every mutation refused, the first with the expected code.
        expect(statuses).toEqual(sent.map(() => 'rejected'));
        expect(res.results[0]?.reason?.code).toBe(expected);
        expect(await snapshot(t, ids)).toEqual(before);
      }
    });
  }

  /** A new record of a directory entity, as the admin tool would make it. */
  function directoryRecord(
    entity: DirectoryEntity,
  ): Agency | User | Enterprise | ChecklistTemplate {
    const base = {
      id: uuidv7(),
      version: 0,
      updatedAt: FINISHED_AT,
      deletedAt: null,
      createdBy: lead.userId,
    };
    switch (entity) {
      case 'agency':
        return { ...base, name: '测试单位', kind: 'safety' };
      case 'user':
        return {
          ...base,
          username: `matrix.${base.id.slice(-12)}`,
          displayName: '测试人员',
          role: 'inspector',
          agencyId: agencyOf(t, 'safety'),
          jurisdiction: [ZONE],
          certificateNo: 'ZJ33060419876',
        };
      case 'enterprise':
        return { ...enterprise, ...base, name: `测试企业${base.id.slice(-6)}` };
      case 'template': {
        const template = t.district.templates[0];
        if (!template) throw new Error('the demo district has no template');
        return { ...template, ...base, title: '测试检查表' };
      }
    }
  }

  const renamed = (entity: DirectoryEntity, data: Record<string, unknown>) =>
    entity === 'user'
      ? { ...data, displayName: '改名' }
      : entity === 'template'
        ? { ...data, title: '改名' }
        : { ...data, name: '改名' };

  const directoryCells = DIRECTORY_ROWS.flatMap(([role, where, entity, ...outcomes]) =>
    (['create', 'content', 'delete'] as const).map((action, n) => ({
      role,
      where,
      entity,
      action,
      expected: outcomes[n] as Outcome,
    })),
  );

  for (const { role, where, entity, action, expected } of directoryCells) {
    it(`${role} (${where}) ${action} of a ${entity}: ${expected}`, async () => {
      const actor = person(role, where);
      const made = directoryRecord(entity);
      let sent: MutationInput;
      if (action === 'create') {
        sent = upsert(entity, made);
      } else {
        const [written] = await t.db.transaction((tx) =>
          writeRecords(tx, [{ entity, data: made }]),
        );
        if (!written) throw new Error('nothing written');
        sent =
          action === 'content'
            ? upsert(entity, renamed(entity, written.data) as typeof made, written.version)
            : remove(entity, made.id, written.version);
      }
      const before = await snapshot(t, [made.id]);
      const res = await push(t.app, actor, [sent]);
      if (expected === 'applied') {
        expect(res.results[0]?.status, JSON.stringify(res.results)).toBe('applied');
        expect(await snapshot(t, [made.id])).not.toEqual(before);
      } else {
        expect(res.results[0]).toMatchObject({ status: 'rejected', reason: { code: expected } });
        expect(await snapshot(t, [made.id])).toEqual(before);
      }
    });
  }
});
