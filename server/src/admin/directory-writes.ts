// Administrative writes of the directory: agencies, towns and users, made online by a signed-in
// administrator. Each runs in one transaction with its audit entry, checks what the push checks
// of the same records (town codes, the agency and towns a user names, unique names), and answers
// a refusal as an ApiError naming the field. Records are written as the server's own change, so
// devices receive them by the normal pull.
import type { z } from 'zod';
import type { UserCreate, UserEdit } from '../../../domain/schemas/admin';
import type { Agency } from '../../../domain/schemas/agency';
import { agencySchema } from '../../../domain/schemas/agency';
import type { AgencyFields } from '../../../domain/schemas/district';
import type { TownFields, TownRecord } from '../../../domain/schemas/town';
import { townSchema } from '../../../domain/schemas/town';
import type { User } from '../../../domain/schemas/user';
import { userSchema } from '../../../domain/schemas/user';
import type { Database, Queryable } from '../db/database';
import { readDistrict, unknownTownCodes } from '../district/district-store';
import { ApiError } from '../http/api-error';
import { issuesSentence, toIssues } from '../http/parse-input';
import { readRecord, writeRecords } from '../sync/record-store';
import type { AuditEntry } from './audit-log';
import { recordAdminAction } from './audit-log';
import { newRecordEnvelope } from '../db/new-record';

const invalid = (path: string, message: string) =>
  new ApiError(400, 'invalid_body', `Invalid request body: ${path} ${message}.`, [
    { path, message },
  ]);

const notFound = (what: string, id: string) =>
  new ApiError(404, 'not_found', `There is no ${what} ${id}.`);

/** Parses a whole record after an edit, so that an edit can never store an invalid one. */
function wholeOrRefuse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = toIssues(parsed.error);
  throw new ApiError(
    400,
    'invalid_body',
    `Invalid request body: ${issuesSentence(issues)}.`,
    issues,
  );
}

/** Runs an administrative write: locked against pushes, with its audit entry, all or nothing. */
export function adminWrite<T>(
  db: Database,
  now: Date,
  write: (tx: Queryable, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT version FROM sync_state FOR UPDATE');
    return write(tx, (entry) => recordAdminAction(tx, entry, now));
  });
}

async function checkAgencyNames(tx: Queryable, fields: Partial<AgencyFields>, id: string | null) {
  for (const field of ['name', 'shortName'] as const) {
    const value = fields[field];
    if (value === undefined) continue;
    const [taken] = await tx.query<{ id: string }>(
      `SELECT id::text AS id FROM records WHERE entity = 'agency' AND deleted_at IS NULL
         AND data->>$1 = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [field, value, id],
    );
    if (taken) {
      throw new ApiError(
        409,
        'agency_name_taken',
        `Another agency already has the ${field} "${value}".`,
        [{ path: field, message: 'is taken by another agency' }],
      );
    }
  }
}

export async function createAgency(db: Database, actorId: string, fields: AgencyFields, now: Date) {
  return adminWrite(db, now, async (tx, audit) => {
    await checkAgencyNames(tx, fields, null);
    const agency: Agency = { ...newRecordEnvelope(actorId, now.toISOString()), ...fields };
    const [written] = await writeRecords(tx, [{ entity: 'agency', data: agency }]);
    await audit({
      actorId,
      action: 'agency.create',
      targetKind: 'agency',
      targetId: agency.id,
      after: written?.data,
    });
    return written?.data as Agency;
  });
}

export async function editAgency(
  db: Database,
  actorId: string,
  id: string,
  patch: Partial<AgencyFields>,
  now: Date,
) {
  return adminWrite(db, now, async (tx, audit) => {
    const before = await readRecord(tx, 'agency', id);
    if (!before) throw notFound('agency', id);
    await checkAgencyNames(tx, patch, id);
    const after = wholeOrRefuse(agencySchema, {
      ...before,
      ...patch,
      updatedAt: now.toISOString(),
    });
    const [written] = await writeRecords(tx, [{ entity: 'agency', data: after }]);
    await audit({
      actorId,
      action: 'agency.edit',
      targetKind: 'agency',
      targetId: id,
      before,
      after: written?.data,
    });
    return written?.data as Agency;
  });
}

export async function createTown(db: Database, actorId: string, fields: TownFields, now: Date) {
  return adminWrite(db, now, async (tx, audit) => {
    const district = await readDistrict(tx);
    if (district && !fields.code.startsWith(district.code)) {
      throw invalid('code', `must begin with the district's division code ${district.code}`);
    }
    const [taken] = await tx.query<{ id: string }>(
      `SELECT id::text AS id FROM records WHERE entity = 'town' AND data->>'code' = $1`,
      [fields.code],
    );
    if (taken) {
      throw new ApiError(
        409,
        'town_code_taken',
        `Another town already has the code ${fields.code}.`,
        [{ path: 'code', message: 'is taken by another town' }],
      );
    }
    const town: TownRecord = { ...newRecordEnvelope(actorId, now.toISOString()), ...fields };
    const [written] = await writeRecords(tx, [{ entity: 'town', data: town }]);
    await audit({
      actorId,
      action: 'town.create',
      targetKind: 'town',
      targetId: town.id,
      after: written?.data,
    });
    return written?.data as TownRecord;
  });
}

export async function editTown(
  db: Database,
  actorId: string,
  id: string,
  patch: Partial<Omit<TownFields, 'code'>>,
  now: Date,
) {
  return adminWrite(db, now, async (tx, audit) => {
    const before = await readRecord(tx, 'town', id);
    if (!before) throw notFound('town', id);
    const after = wholeOrRefuse(townSchema, { ...before, ...patch, updatedAt: now.toISOString() });
    const [written] = await writeRecords(tx, [{ entity: 'town', data: after }]);
    await audit({
      actorId,
      action: 'town.edit',
      targetKind: 'town',
      targetId: id,
      before,
      after: written?.data,
    });
    return written?.data as TownRecord;
  });
}

/** The agency and towns a user names must be ones the server holds. */
async function checkUserReferences(tx: Queryable, user: Pick<User, 'agencyId' | 'jurisdiction'>) {
  const agency = await readRecord(tx, 'agency', user.agencyId);
  if (!agency || agency.deletedAt !== null)
    throw invalid('agencyId', 'names no agency the server knows');
  const unknown = await unknownTownCodes(tx, user.jurisdiction);
  const first = unknown[0];
  if (first !== undefined) {
    throw invalid(
      `jurisdiction.${user.jurisdiction.indexOf(first)}`,
      `names no town of the district (${first})`,
    );
  }
}

export async function createUser(
  db: Database,
  actorId: string,
  body: Omit<UserCreate, 'password'>,
  passwordHash: string,
  now: Date,
) {
  return adminWrite(db, now, async (tx, audit) => {
    const user = wholeOrRefuse(userSchema, {
      ...newRecordEnvelope(actorId, now.toISOString()),
      ...body,
      certificateNo: body.certificateNo ?? null,
      certificateExpiresOn: body.certificateExpiresOn ?? null,
    });
    const [taken] = await tx.query<{ id: string }>(
      `SELECT id::text AS id FROM records WHERE entity = 'user' AND data->>'username' = $1`,
      [user.username],
    );
    if (taken) {
      throw new ApiError(409, 'username_taken', `A user named "${user.username}" already exists.`, [
        { path: 'username', message: 'is taken by another user' },
      ]);
    }
    await checkUserReferences(tx, user);
    const [written] = await writeRecords(tx, [{ entity: 'user', data: user }]);
    await tx.query(
      `INSERT INTO credentials (user_id, password_hash, updated_at, must_change)
       VALUES ($1::uuid, $2, $3::timestamptz, true)`,
      [user.id, passwordHash, now.toISOString()],
    );
    await audit({
      actorId,
      action: 'user.create',
      targetKind: 'user',
      targetId: user.id,
      after: written?.data,
    });
    return written?.data as User;
  });
}

export async function editUser(
  db: Database,
  actorId: string,
  id: string,
  patch: UserEdit,
  now: Date,
) {
  return adminWrite(db, now, async (tx, audit) => {
    const before = await readRecord(tx, 'user', id);
    if (!before) throw notFound('user', id);
    const after = wholeOrRefuse(userSchema, { ...before, ...patch, updatedAt: now.toISOString() });
    await checkUserReferences(tx, after);
    const [written] = await writeRecords(tx, [{ entity: 'user', data: after }]);
    await audit({
      actorId,
      action: 'user.edit',
      targetKind: 'user',
      targetId: id,
      before,
      after: written?.data,
    });
    return written?.data as User;
  });
}
