// The one Dexie module: every version of the local schema lives here. One IndexedDB database per
// signed-in user, so that people sharing a device never see each other's data.
//
// Shipped versions are append-only: never edit a version(n) that has been released; add
// version(n + 1) with its .stores() and .upgrade() below it instead.
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import type { Agency } from '../../../domain/schemas/agency';
import type { BlobRef } from '../../../domain/schemas/common';
import type { EntityName } from '../../../domain/schemas/entities';
import type { Enterprise } from '../../../domain/schemas/enterprise';
import type { Finding } from '../../../domain/schemas/finding';
import type { Inspection } from '../../../domain/schemas/inspection';
import type { ChecklistTemplate } from '../../../domain/schemas/template';
import type { User } from '../../../domain/schemas/user';

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

/** Bytes of a photo or signature, addressed by their SHA-256. */
export interface BlobRow extends BlobRef {
  data: Blob;
  uploaded: boolean;
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
  outbox!: Table<OutboxRow, number>;
  blobs!: Table<BlobRow, string>;
  meta!: Table<MetaRow, string>;

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
} as const satisfies Record<EntityName, keyof FieldInspectorDb>;

export function databaseName(userId: string): string {
  return `field-inspector-${userId}`;
}

export function openUserDatabase(userId: string): FieldInspectorDb {
  return new FieldInspectorDb(databaseName(userId));
}
