// The one Dexie module: every version of the local schema lives here. One IndexedDB database per
// signed-in user, so that people sharing a device never see each other's data.
//
// Shipped versions are append-only: never edit a version(n) that has been released; add
// version(n + 1) with its .stores() and .upgrade() below it instead.
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import { upgradeEnterpriseShape } from '../../../domain/rules/enterprise-units';
import type { Agency } from '../../../domain/schemas/agency';
import type { RegisteredDocument } from '../../../domain/schemas/document';
import type { BlobRef } from '../../../domain/schemas/common';
import type { EntityName } from '../../../domain/schemas/entities';
import type { Enterprise } from '../../../domain/schemas/enterprise';
import type { Finding } from '../../../domain/schemas/finding';
import type { Gb18218Edition } from '../../../domain/schemas/gb18218-edition';
import type { Inspection } from '../../../domain/schemas/inspection';
import type { Task } from '../../../domain/schemas/task';
import type { ChecklistTemplate } from '../../../domain/schemas/template';
import type { TownRecord } from '../../../domain/schemas/town';
import type { User } from '../../../domain/schemas/user';
import type { ConflictResolution, ConflictView } from '../../../domain/sync/protocol';
import type { Refusal } from '../../../domain/sync/refusals';

/** A local change waiting to be pushed; `seq` orders the queue. */
export interface OutboxRow {
  seq?: number;
  entity: EntityName;
  id: string;
  op: 'upsert' | 'delete';
  data: Record<string, unknown> | null;
  baseVersion: number;
  queuedAt: string;
}

/**
 * The mutation id given to an outbox row when a batch took it, with the device it was numbered
 * for: the table of version 7 (before, these were fields of the row itself). Version 8 keeps
 * them by batch instead (OutboxNumberingRow); this shape remains for the upgrades.
 */
export interface OutboxMidRow {
  seq: number;
  mid: number;
  deviceId: string;
}

/**
 * The mids one batch gave its outbox rows (version 8; before, one OutboxMidRow per outbox row):
 * `seqs[i]` has mid `mids[i]`. Numbering a batch writes one row, settling it rewrites or deletes
 * it. Read and changed only through db/outbox/numbering.ts.
 */
export interface OutboxNumberingRow {
  id?: number;
  deviceId: string;
  seqs: number[];
  mids: number[];
}

/** A mutation the server refused for good, kept for the user to read (and as an audit copy). */
export interface RejectedRow {
  seq?: number;
  mid: number;
  deviceId: string;
  entity: EntityName;
  id: string;
  op: 'upsert' | 'delete';
  data: Record<string, unknown> | null;
  baseVersion: number;
  queuedAt: string;
  /** The server's reason in English. */
  reason: string;
  /** The same as a code the app translates; absent in rows kept before the server sent one. */
  refusal?: Refusal;
  rejectedAt: string;
  /** 0 while shown in the list, 1 once the user has dismissed it (the row stays). */
  dismissed: 0 | 1;
}

/** A mutation of this device that the server applied over someone else's newer change. */
export interface ConflictRow {
  seq?: number;
  mid: number;
  entity: EntityName;
  id: string;
  version: number | null;
  detail: string | null;
  at: string;
  dismissed: 0 | 1;
}

/**
 * A pulled record that arrived while a local edit of it was still queued: held back so that the
 * edit stays on top, and applied once the edit is answered if it is still the newest.
 */
export interface HeldRow {
  entity: EntityName;
  id: string;
  version: number;
  record: Record<string, unknown> | null;
}

/**
 * Bytes of a photo or signature, addressed by their SHA-256. Whether the server holds them is
 * kept apart, in `blobUploads` (rows written before version 6 still carry an `uploaded` flag that
 * nothing reads).
 */
export interface BlobRow extends BlobRef {
  data: Blob;
}

/** A blob the server has confirmed holding (version 6). */
export interface BlobUploadRow {
  sha256: string;
}

/**
 * A hazard still being written and not yet valid: kept on this device only and never queued, so a
 * half-filled form is never pushed. `id` is the id the finding gets once it is valid.
 */
export interface FindingDraftRow {
  id: string;
  inspectionId: string;
  enterpriseId: string;
  /** The form's values as typed, checked again when the draft is read. */
  values: Record<string, unknown>;
  updatedAt: string;
}

/** An entry of the server's conflicts log as last fetched, so supervisors can read it offline. */
export type ConflictLogRow = ConflictView;

/** A supervisor's choice on a logged conflict: queued until sent, or refused with the reason. */
export interface ConflictChoiceRow {
  conflictId: string;
  keep: ConflictResolution;
  chosenAt: string;
  state: 'pending' | 'failed';
  /** Why the server refused it (state `failed`); null while pending. */
  error: { status: number | null; code: string; message: string } | null;
}

/**
 * A record a full re-pull has delivered so far (version 5): once the re-pull completes, local
 * records it did not deliver are no longer the user's to hold and are removed.
 */
export interface RepulledRow {
  entity: EntityName;
  id: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class FieldInspectorDb extends Dexie {
  agencies!: Table<Agency, string>;
  users!: Table<User, string>;
  enterprises!: Table<Enterprise, string>;
  templates!: Table<ChecklistTemplate, string>;
  inspections!: Table<Inspection, string>;
  findings!: Table<Finding, string>;
  tasks!: Table<Task, string>;
  documents!: Table<RegisteredDocument, string>;
  outbox!: Table<OutboxRow, number>;
  outboxNumbering!: Table<OutboxNumberingRow, number>;
  blobs!: Table<BlobRow, string>;
  blobUploads!: Table<BlobUploadRow, string>;
  meta!: Table<MetaRow, string>;
  rejected!: Table<RejectedRow, number>;
  conflicts!: Table<ConflictRow, number>;
  held!: Table<HeldRow, [string, string]>;
  findingDrafts!: Table<FindingDraftRow, string>;
  conflictLog!: Table<ConflictLogRow, string>;
  conflictChoices!: Table<ConflictChoiceRow, string>;
  repulled!: Table<RepulledRow, [string, string]>;
  towns!: Table<TownRecord, string>;
  gb18218Editions!: Table<Gb18218Edition, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      agencies: 'id',
      users: 'id',
      enterprises: 'id, name, creditCode, town, track, updatedAt',
      templates: 'id',
      inspections: 'id, enterpriseId, status, leadInspectorId, startedAt',
      findings: 'id, enterpriseId, inspectionId, status, deadline',
      outbox: '++seq, entity, id',
      blobs: 'sha256',
      meta: 'key',
    });
    // Version 2: push. Outbox rows are found by record and by mutation id; what the server
    // refused or overrode is kept; pulled records held behind a queued local edit wait apart.
    // Existing rows need no upgrade: a row without a mid is simply not yet numbered.
    this.version(2).stores({
      outbox: '++seq, entity, id, [entity+id], mid',
      rejected: '++seq, [entity+id], dismissed',
      conflicts: '++seq, [entity+id], dismissed',
      held: '[entity+id]',
    });
    // Version 3: hazard forms in progress (local only).
    this.version(3).stores({ findingDrafts: 'id, inspectionId' });
    // Version 4: the server's conflicts log as last fetched (supervisors read it offline) and
    // their choices on it, queued until the next sync sends them. New tables: nothing to upgrade.
    this.version(4).stores({
      conflictLog: 'id, at',
      conflictChoices: 'conflictId, state',
    });
    // Version 5: the records a full re-pull (after the user's towns or role changed) has
    // delivered so far, kept across interruptions. New table: nothing to upgrade.
    this.version(5).stores({ repulled: '[entity+id]' });
    // Version 6: which blobs the server holds, apart from their bytes. Marking a blob row
    // uploaded rewrote the row, and the browser then stored its bytes again: a sync copied every
    // photo it sent. The old flags move over once.
    this.version(6)
      .stores({ blobUploads: 'sha256' })
      .upgrade(async (tx) => {
        const uploaded: string[] = [];
        await tx
          .table<{ sha256: string; uploaded?: boolean }, string>('blobs')
          .each((row) => void (row.uploaded === true && uploaded.push(row.sha256)));
        await tx.table('blobUploads').bulkPut(uploaded.map((sha256) => ({ sha256 })));
      });
    // Version 7: the mids of numbered outbox rows move to their own table (see OutboxMidRow);
    // the rows lose their mid and device id, and the outbox its mid index.
    this.version(7)
      .stores({ outbox: '++seq, entity, id, [entity+id]', outboxMids: 'seq, mid' })
      .upgrade(async (tx) => {
        type OldRow = OutboxRow & { seq: number; mid?: number; deviceId?: string };
        const mids: OutboxMidRow[] = [];
        await tx
          .table<OldRow, number>('outbox')
          .filter((row) => row.mid !== undefined || row.deviceId !== undefined)
          .modify((row) => {
            if (row.mid !== undefined && row.deviceId !== undefined) {
              mids.push({ seq: row.seq, mid: row.mid, deviceId: row.deviceId });
            }
            delete row.mid;
            delete row.deviceId;
          });
        await tx.table('outboxMids').bulkPut(mids);
      });
    // Version 8: the mids move again, from one row per outbox row to one row per batch (see
    // OutboxNumberingRow): numbering 500 rows wrote 500 rows, now one.
    this.version(8)
      .stores({ outboxMids: null, outboxNumbering: '++id' })
      .upgrade(async (tx) => {
        const byDevice = new Map<string, OutboxMidRow[]>();
        await tx.table<OutboxMidRow, number>('outboxMids').each((row) => {
          const list = byDevice.get(row.deviceId) ?? [];
          list.push(row);
          byDevice.set(row.deviceId, list);
        });
        const rows: OutboxNumberingRow[] = [...byDevice].map(([deviceId, list]) => {
          list.sort((a, b) => a.mid - b.mid);
          return { deviceId, seqs: list.map((r) => r.seq), mids: list.map((r) => r.mid) };
        });
        await tx.table('outboxNumbering').bulkAdd(rows);
      });
    // Version 9: the district's towns are records the server syncs, found by code. New table:
    // the next pull fills it.
    this.version(9).stores({ towns: 'id, code' });
    // Version 11: the official document numbers the server registered (entity `document`),
    // found by the inspection that issued them. New table: nothing to upgrade.
    this.version(11).stores({ documents: 'id, [inspectionId+kind], issuedOn' });
    // Version 13: the tasks the server sends (drawn visits), by officer for "my tasks" and by
    // enterprise. New table: nothing to upgrade.
    this.version(13).stores({ tasks: 'id, enterpriseId, *officerIds, dueBy' });
    // Version 16: inspections found by the task they were made from (a task's state and the
    // plan's progress). An added index: Dexie indexes the rows already stored.
    this.version(16).stores({
      inspections: 'id, enterpriseId, status, leadInspectorId, startedAt, taskId',
    });
    // Version 18: the editions of the GB 18218-2018 table the server publishes (entity
    // `gb18218Edition`), found by revision: every grading on the device uses the latest. New
    // table: the next pull fills it; until then the shipped table is used.
    this.version(18).stores({ gb18218Editions: 'id, revision' });
    // Enterprises have units: a stored enterprise, an unsent edit of one and a pulled copy held
    // behind it become the one unit of their `chemicals`, as the server's migration 16 makes it.
    // Refused mutations stay as they were sent: they are the record of what was refused.
    this.version(14)
      .stores({})
      .upgrade(async (tx) => {
        type Row = Record<string, unknown>;
        await tx
          .table<Row, string>('enterprises')
          .toCollection()
          .modify((row, ref) => {
            ref.value = upgradeEnterpriseShape(row) as Row;
          });
        await tx
          .table<OutboxRow, number>('outbox')
          .where('entity')
          .equals('enterprise')
          .modify((row) => {
            if (row.data) row.data = upgradeEnterpriseShape(row.data) as Row;
          });
        await tx
          .table<HeldRow, [string, string]>('held')
          .filter((row) => row.entity === 'enterprise')
          .modify((row) => {
            if (row.record) row.record = upgradeEnterpriseShape(row.record) as Row;
          });
      });
  }
}

/** The table that holds each synced entity. */
export const entityTables = {
  agency: 'agencies',
  user: 'users',
  enterprise: 'enterprises',
  template: 'templates',
  inspection: 'inspections',
  finding: 'findings',
  task: 'tasks',
  document: 'documents',
  town: 'towns',
  gb18218Edition: 'gb18218Editions',
} as const satisfies Record<EntityName, keyof FieldInspectorDb>;

export function databaseName(userId: string): string {
  return `field-inspector-${userId}`;
}

export function openUserDatabase(userId: string): FieldInspectorDb {
  return new FieldInspectorDb(databaseName(userId));
}

/**
 * Deletes a user's local database whole (a device an administrator ordered wiped, once it has
 * sent what it held). Resolves even if the database is already gone.
 */
export async function deleteUserDatabase(userId: string): Promise<void> {
  await Dexie.delete(databaseName(userId)).catch(() => undefined);
}
