// The authorization matrix of POST /sync/push: who may do what to which record, in which state,
// inside or outside their jurisdiction, on both databases. Each row is one person, one entity and
// one action, with the outcome in each state of the record: `applied`, or the refusal code (and
// then nothing is stored: every record involved is read back unchanged). Records are built afresh
// for each cell: an inspection at an enterprise of the development zone, led by li with two safety
// colleagues as co-inspectors (one of the zone, one whose towns are elsewhere), with one hazard;
// submitted, then approved or returned by the safety supervisor. `__` marks a state in which the
// action does not apply. Besides the record's life, rows cover its hazard's rectification (a
// report, closing or moving the deadline by hand, a request for more time and its decision) and
// the photos a hazard may refer to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { amendInspection } from '../../domain/rules/amendment';
import { decideExtension, requestExtension } from '../../domain/rules/extension';
import { reportRectification } from '../../domain/rules/rectification';
import type { Agency } from '../../domain/schemas/agency';
import type { Enterprise } from '../../domain/schemas/enterprise';
import type { EntityName } from '../../domain/schemas/entities';
import type { Finding } from '../../domain/schemas/finding';
import type { Review } from '../../domain/schemas/inspection';
import type { ChecklistTemplate } from '../../domain/schemas/template';
import type { TownRecord } from '../../domain/schemas/town';
import type { User } from '../../domain/schemas/user';
import type { RefusalCode } from '../../domain/sync/refusals';
import { writeRecords } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import { jpeg, photoRef, putBlob } from '../support/blob-fixtures';
import { addUser, agencyOf } from '../support/extra-users';
import {
  FINISHED_AT,
  completeDraft,
  decided,
  snapshot,
  storedInspection,
} from '../support/inspection-fixtures';
import type { Device, MutationInput } from '../support/push-fixtures';
import { newFinding, newInspection, push, remove, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';
import { mustBeStored } from '../support/stored-state';

type Outcome = 'applied' | RefusalCode | null;
type Role =
  | 'lead' // an inspector of the town, who leads the inspection
  | 'co' // an inspector of the town and of the agency, its co-inspector
  | 'coOut' // an inspector of the agency whose towns are elsewhere, its other co-inspector
  | 'colleague' // an inspector of the town and of the agency who takes no part in it
  | 'otherTown' // an inspector of the agency whose towns are elsewhere
  | 'otherAgency' // an inspector of the other agency
  | 'supervisor' // a supervisor of the inspection's agency
  | 'otherSupervisor' // a supervisor of the other agency
  | 'admin';
/** Whether the record's town is in the person's jurisdiction. */
type Where = 'in' | 'out';
type Action =
  | 'create'
  | 'content'
  | 'submit'
  | 'amend'
  | 'approve'
  | 'return'
  | 'delete'
  // Of a hazard's rectification:
  | 'report' // the enterprise's report that it rectified the hazard
  | 'request' // its request for more time
  | 'decide' // a grant of the request waiting for a decision
  | 'close' // closed by hand, without a passed re-inspection
  | 'deadline' // its deadline moved to 2099 by hand
  // Of the photos a hazard refers to:
  | 'photo' // a photo the writer did not upload and may not read (another user's upload)
  | 'ownPhoto'; // a photo the writer uploaded
type State = 'draft' | 'pending' | 'approved' | 'returned';
const STATES: State[] = ['draft', 'pending', 'approved', 'returned'];

const ok = 'applied';
const __ = null;
const locked = 'submittedLocked';
const outside = 'outsideJurisdiction';
const noClose = 'closeNeedsPassedReinspection';
const noMove = 'deadlineNeedsFailedReinspection';
const notHers = 'photoNotUploaded';
const bySupervisor = 'extensionBySupervisor';

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

  // Taking part grants what taking part grants, whatever one's towns: not starting one there.
  ['coOut',           'out',  'inspection', 'create',     outside,               __,                       __,                       __],
  ['coOut',           'out',  'inspection', 'content',    ok,                    'amendmentRequired',      'amendmentRequired',      'amendmentRequired'],
  ['coOut',           'out',  'inspection', 'submit',     ok,                    __,                       __,                       __],
  ['coOut',           'out',  'inspection', 'amend',      'amendmentNotSubmitted', ok,                     ok,                       ok],
  ['coOut',           'out',  'inspection', 'approve',    'reviewBySupervisor',  'reviewBySupervisor',     'reviewBySupervisor',     'reviewBySupervisor'],
  ['coOut',           'out',  'inspection', 'delete',     'deleteOwnDraftOnly',  'submittedFinal',         'submittedFinal',         'submittedFinal'],
  ['coOut',           'out',  'finding',    'create',     ok,                    locked,                   locked,                   locked],
  ['coOut',           'out',  'finding',    'content',    ok,                    locked,                   locked,                   locked],
  ['coOut',           'out',  'finding',    'amend',      __,                    ok,                       ok,                       ok],
  ['coOut',           'out',  'finding',    'delete',     ok,                    locked,                   locked,                   locked],

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

  // The rectification of the submitted inspection's hazard (open, deadline 31 December).
  ['lead',            'in',   'finding',    'report',     __,                    ok,                       ok,                       ok],
  ['lead',            'in',   'finding',    'request',    __,                    ok,                       ok,                       ok],
  ['lead',            'in',   'finding',    'decide',     __,                    bySupervisor,             bySupervisor,             bySupervisor],
  ['lead',            'in',   'finding',    'close',      __,                    noClose,                  noClose,                  noClose],
  ['lead',            'in',   'finding',    'deadline',   __,                    noMove,                   noMove,                   noMove],
  ['co',              'in',   'finding',    'report',     __,                    ok,                       ok,                       ok],
  ['co',              'in',   'finding',    'decide',     __,                    bySupervisor,             bySupervisor,             bySupervisor],
  // Outside one's towns taking part does not grant the rectification (but a re-inspection at a
  // visit one took part in: sync-participant-writes.test.ts); closing by hand stays refused.
  ['coOut',           'out',  'finding',    'report',     __,                    outside,                  outside,                  outside],
  ['coOut',           'out',  'finding',    'request',    __,                    outside,                  outside,                  outside],
  ['coOut',           'out',  'finding',    'decide',     __,                    outside,                  outside,                  outside],
  ['coOut',           'out',  'finding',    'close',      __,                    noClose,                  noClose,                  noClose],
  ['coOut',           'out',  'finding',    'deadline',   __,                    noMove,                   noMove,                   noMove],
  ['colleague',       'in',   'finding',    'report',     __,                    ok,                       ok,                       ok],
  ['colleague',       'in',   'finding',    'request',    __,                    ok,                       ok,                       ok],
  ['colleague',       'in',   'finding',    'decide',     __,                    bySupervisor,             bySupervisor,             bySupervisor],
  ['colleague',       'in',   'finding',    'close',      __,                    noClose,                  noClose,                  noClose],
  ['colleague',       'in',   'finding',    'deadline',   __,                    noMove,                   noMove,                   noMove],
  ['otherTown',       'out',  'finding',    'report',     __,                    outside,                  outside,                  outside],
  ['otherTown',       'out',  'finding',    'close',      __,                    outside,                  outside,                  outside],
  ['otherTown',       'out',  'finding',    'deadline',   __,                    outside,                  outside,                  outside],
  ['otherAgency',     'in',   'finding',    'report',     __,                    ok,                       ok,                       ok],
  ['otherAgency',     'in',   'finding',    'close',      __,                    noClose,                  noClose,                  noClose],
  ['otherAgency',     'out',  'finding',    'report',     __,                    outside,                  outside,                  outside],
  ['supervisor',      'in',   'finding',    'report',     __,                    ok,                       ok,                       ok],
  ['supervisor',      'in',   'finding',    'decide',     __,                    ok,                       ok,                       ok],
  ['supervisor',      'in',   'finding',    'close',      __,                    noClose,                  noClose,                  noClose],
  ['supervisor',      'in',   'finding',    'deadline',   __,                    noMove,                   noMove,                   noMove],
  ['supervisor',      'out',  'finding',    'decide',     __,                    outside,                  outside,                  outside],
  ['supervisor',      'out',  'finding',    'close',      __,                    outside,                  outside,                  outside],
  ['otherSupervisor', 'in',   'finding',    'decide',     __,                    'extensionOtherAgency',   'extensionOtherAgency',   'extensionOtherAgency'],
  ['otherSupervisor', 'in',   'finding',    'close',      __,                    noClose,                  noClose,                  noClose],
  ['otherSupervisor', 'out',  'finding',    'decide',     __,                    outside,                  outside,                  outside],
  ['admin',           'in',   'finding',    'report',     __,                    ok,                       ok,                       ok],
  ['admin',           'in',   'finding',    'decide',     __,                    bySupervisor,             bySupervisor,             bySupervisor],
  ['admin',           'in',   'finding',    'close',      __,                    noClose,                  noClose,                  noClose],
  ['admin',           'in',   'finding',    'deadline',   __,                    noMove,                   noMove,                   noMove],

  // A photo a hazard refers to: one its writer uploaded, or may read already; not another's.
  ['lead',            'in',   'finding',    'photo',      notHers,               locked,                   locked,                   locked],
  ['lead',            'in',   'finding',    'ownPhoto',   ok,                    locked,                   locked,                   locked],
  ['co',              'in',   'finding',    'photo',      notHers,               locked,                   locked,                   locked],
  ['co',              'in',   'finding',    'ownPhoto',   ok,                    locked,                   locked,                   locked],
  ['coOut',           'out',  'finding',    'photo',      notHers,               locked,                   locked,                   locked],
  ['coOut',           'out',  'finding',    'ownPhoto',   ok,                    locked,                   locked,                   locked],
  ['colleague',       'in',   'finding',    'photo',      'notYourFinding',      locked,                   locked,                   locked],
  ['otherTown',       'out',  'finding',    'photo',      outside,               locked,                   locked,                   locked],
  ['supervisor',      'in',   'finding',    'photo',      'rectificationOnly',   locked,                   locked,                   locked],
  ['admin',           'in',   'finding',    'photo',      'notYourFinding',      locked,                   locked,                   locked],
];

// Tasks, document numbers and GB 18218 editions are written by the server only
// (test/integration/tasks.test.ts, register-numbers.test.ts, gb18218-editions.test.ts).
type DirectoryEntity = Exclude<
  EntityName,
  'inspection' | 'finding' | 'task' | 'document' | 'gb18218Edition'
>;
type DirectoryRow = [Role, Where, DirectoryEntity, Outcome, Outcome, Outcome];
const admins = 'adminOnly';
/** Templates are published through the administration API, not pushed, even by an admin. */
const byAdmin = 'templatesByAdministration';

// prettier-ignore
const DIRECTORY_ROWS: DirectoryRow[] = [
  // role             where   entity        create    content   delete
  ['admin',           'in',   'agency',     ok,       ok,       ok],
  ['admin',           'in',   'user',       ok,       ok,       ok],
  ['admin',           'in',   'enterprise', ok,       ok,       ok],
  ['admin',           'in',   'template',   byAdmin,  byAdmin,  byAdmin],
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
const strangerPhoto = jpeg('a photo of another town, uploaded by its inspector');

describe.each(databaseKinds)('the authorization matrix on %s', (kind) => {
  let t: DemoApp;
  const people = new Map<`${Role}/${Where}`, Device>();
  let lead: Device;
  let co: Device;
  let coOut: Device;
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
    coOut = await addUser(t, {
      username: 'inspector.zhou',
      role: 'inspector',
      agency: 'safety',
      jurisdiction: [BAIGUAN],
    });
    supervisor = await sign('supervisor.safety');
    people.set('lead/in', lead);
    people.set('co/in', co);
    people.set('coOut/out', coOut);
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
    // Uploaded by someone of other towns and referred to by no record: only they and
    // administrators know of it.
    const stranger = await addUser(t, {
      username: 'inspector.stranger',
      role: 'inspector',
      agency: 'environment',
      jurisdiction: [BAIGUAN],
    });
    expect((await putBlob(t.app, stranger.token, strangerPhoto)).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const person = (role: Role, where: Where): Device => {
    const found = people.get(`${role}/${where}`);
    if (!found) throw new Error(`no ${role} ${where} the town`);
    return found;
  };

  /**
   * li's inspection with one hazard, in `state`, as the server stores them; with `asked`, the
   * hazard holds the enterprise's request for more time, recorded by li, waiting for a decision.
   */
  async function record(state: State, asked = false) {
    const draft = await completeDraft(t, lead, [co.userId, coOut.userId], enterprise.id);
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
    const hazardNow = () => mustBeStored<Finding>(t.db, 'finding', hazard.id);
    let finding = await hazardNow();
    if (asked) {
      const request = requestExtension(finding.data, extensionAsked, actorAt(lead), uuidv7());
      const sent = await push(t.app, lead, [upsert('finding', request, finding.version)]);
      expect(sent.results.map((r) => [r.status, r.error])).toEqual([['applied', undefined]]);
      finding = await hazardNow();
    }
    return { inspection, finding };
  }

  type Stored = Awaited<ReturnType<typeof record>>;
  const at = '2026-11-29T07:45:00.000+08:00';
  const actorAt = (d: Device) => ({ userId: d.userId, at, today: '2026-11-29' });
  const extensionAsked = {
    requestedOn: '2026-11-29',
    reason: '设备到货延迟',
    requestedDeadline: '2027-01-31',
  };

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
                { ...i.data, enterpriseRep: { name: '王经理', title: '安全主管' } },
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
      case 'report': {
        const reported = reportRectification(
          f.data,
          { reportedOn: '2026-11-29', note: '' },
          actorAt(actor),
        );
        return { sent: [upsert('finding', reported, f.version)], ids };
      }
      case 'request': {
        const asked = requestExtension(f.data, extensionAsked, actorAt(actor), uuidv7());
        return { sent: [upsert('finding', asked, f.version)], ids };
      }
      case 'decide': {
        const extensionId = f.data.extensions?.at(-1)?.id ?? '';
        const input = { extensionId, result: 'granted' as const, newDeadline: '2027-01-15' };
        const granted = decideExtension(f.data, { ...input, comment: '' }, actorAt(actor));
        return { sent: [upsert('finding', granted, f.version)], ids };
      }
      case 'close':
        return { sent: [upsert('finding', { ...f.data, status: 'closed' }, f.version)], ids };
      case 'deadline':
        return { sent: [upsert('finding', { ...f.data, deadline: '2099-12-31' }, f.version)], ids };
      case 'photo':
      case 'ownPhoto': {
        const bytes = action === 'photo' ? strangerPhoto : ownPhoto(actor);
        const photos = [...f.data.photos, photoRef(bytes)];
        return { sent: [upsert('finding', { ...f.data, photos }, f.version)], ids };
      }
      default:
        throw new Error(`no ${action} of a hazard`);
    }
  }

  /** A photo of the actor's own, different for each cell (uploaded before the cell's push). */
  const ownPhotos = new Map<string, Buffer>();
  const ownPhoto = (actor: Device) => ownPhotos.get(actor.userId) ?? jpeg('none');

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
      const stored = await record(state, action === 'decide');
      if (action === 'ownPhoto') {
        const bytes = jpeg(`${actor.username} own photo ${uuidv7()}`);
        expect((await putBlob(t.app, actor.token, bytes)).statusCode).toBe(201);
        ownPhotos.set(actor.userId, bytes);
      }
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
  ): Agency | User | Enterprise | ChecklistTemplate | TownRecord {
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
        // A copy of the built-in checklist is the bureau's own: not built in.
        return { ...template, ...base, title: '测试检查表', builtIn: false };
      }
      case 'town':
        return { ...base, code: '330604999', name: '测试镇', kind: 'town' };
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
