// The admin tool's commands, run against an open database. Input is validated with the domain
// schemas; problems are reported as sentences naming the option to fix, and exit code 1.
import type { z } from 'zod';
import type { User } from '../../../domain/schemas/user';
import { userSchema } from '../../../domain/schemas/user';
import { hashPassword } from '../auth/passwords';
import { collectUnusedBlobs } from '../blobs/blob-gc';
import type { BlobStore } from '../blobs/blob-store';
import { databaseBlobStore } from '../blobs/blob-store';
import { DEFAULT_UNUSED_BLOB_DAYS } from '../config';
import { clearLoginFailures } from '../auth/login-rate-limit';
import { revokeUserSessions } from '../auth/sessions';
import type { Database } from '../db/database';
import { toIssues } from '../http/parse-input';
import { writeRecords } from '../sync/record-store';
import { findUserByUsername, listAgencies, listUsers, setPasswordHash } from '../users/user-store';
import { SYSTEM_ACTOR_ID } from '../statutory/built-in-templates';
import { InputError, readPassword } from './admin-input';
import type { ParsedArgs } from './args';
import { UsageError, parseAdminArgs, usage } from './args';
import { runInit } from './init-command';
import { newRecordEnvelope } from '../db/new-record';

/** Records made by the administration tool, rather than by a signed-in user, name this creator. */
export { SYSTEM_ACTOR_ID };

export interface AdminIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Asks for a password without echoing it; absent when there is no terminal. */
  promptPassword?: (label: string) => Promise<string>;
}

export interface AdminDeps {
  db: Database;
  clock: () => Date;
  /** Where blob bytes are (the server's choice); by default in the database. */
  blobs?: BlobStore;
  /** How long unused uploads are kept; by default the server's default. */
  unusedBlobGraceMs?: number;
}

const optionOf: Record<string, string> = {
  username: '--username',
  displayName: '--display-name',
  role: '--role',
  agencyId: '--agency',
  jurisdiction: '--jurisdiction',
  certificateNo: '--certificate-no',
};

function explain(error: z.ZodError, fallback: string): string {
  return toIssues(error)
    .map((i) => {
      const [field, index] = i.path.split('.');
      const option = optionOf[field ?? ''] ?? (i.path || fallback);
      return `${option}${index !== undefined ? ` (item ${Number(index) + 1})` : ''} ${i.message}.`;
    })
    .join('\n');
}

function required(values: ParsedArgs['values'], name: keyof ParsedArgs['values']): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new InputError(`--${name} is required.`);
  return value;
}

async function createUser(values: ParsedArgs['values'], io: AdminIo, { db, clock }: AdminDeps) {
  const username = required(values, 'username');
  const agencyRef = required(values, 'agency').trim();
  const agencies = await listAgencies(db);
  const agency = agencies.find((a) => a.id === agencyRef || a.name === agencyRef);
  if (!agency) {
    const known = agencies.map((a) => `  ${a.id}  ${a.name}`).join('\n');
    throw new InputError(
      `--agency: no agency has the id or exact name "${agencyRef}".` +
        (known ? `\nKnown agencies:\n${known}` : '\nThe database holds no agencies yet.'),
    );
  }
  const parsed = userSchema.safeParse({
    ...newRecordEnvelope(SYSTEM_ACTOR_ID, clock().toISOString()),
    username,
    displayName: values['display-name'] ?? '',
    role: values.role ?? '',
    agencyId: agency.id,
    jurisdiction: (values.jurisdiction ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    certificateNo: values['certificate-no']?.trim() || null,
  });
  if (!parsed.success) throw new InputError(explain(parsed.error, 'input'));
  const user: User = parsed.data;
  if (await findUserByUsername(db, user.username)) {
    throw new InputError(`--username: a user named "${user.username}" already exists.`);
  }
  const hash = await hashPassword(await readPassword(values, io));
  await db.transaction(async (tx) => {
    await writeRecords(tx, [{ entity: 'user', data: user }]);
    await setPasswordHash(tx, user.id, hash, clock());
  });
  io.out(
    `Created ${user.role} "${user.username}" (${user.displayName}) in ${agency.name}, id ${user.id}.`,
  );
}

async function resetPassword(values: ParsedArgs['values'], io: AdminIo, { db, clock }: AdminDeps) {
  const username = required(values, 'username').trim().toLowerCase();
  const user = await findUserByUsername(db, username);
  if (!user) throw new InputError(`--username: there is no user named "${username}".`);
  const hash = await hashPassword(await readPassword(values, io));
  const revoked = await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, hash, clock());
    await clearLoginFailures(tx, user.username);
    return revokeUserSessions(tx, user.id, clock());
  });
  io.out(`Password of "${user.username}" reset; ${revoked} signed-in device(s) signed out.`);
}

async function printUsers(io: AdminIo, { db }: AdminDeps) {
  const [users, agencies] = await Promise.all([listUsers(db), listAgencies(db)]);
  if (users.length === 0) {
    io.out('No users yet. Create the first with: npm run admin -- create-user …');
    return;
  }
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  const rows = users.map((u) => [
    u.username,
    u.role,
    u.displayName,
    agencyName.get(u.agencyId) ?? u.agencyId,
    u.certificateNo ?? '-',
    u.jurisdiction.join(',') || '-',
  ]);
  const header = ['USERNAME', 'ROLE', 'NAME', 'AGENCY', 'CERTIFICATE', 'JURISDICTION'];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  for (const row of [header, ...rows]) {
    io.out(
      row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  '),
    );
  }
}

/** Terminal columns a string takes: CJK characters are two columns wide. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

const pad = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)));

async function collectBlobs(io: AdminIo, { db, clock, blobs, unusedBlobGraceMs }: AdminDeps) {
  const graceMs = unusedBlobGraceMs ?? DEFAULT_UNUSED_BLOB_DAYS * 24 * 60 * 60 * 1000;
  const removed = await collectUnusedBlobs(db, blobs ?? databaseBlobStore(), {
    now: clock(),
    graceMs,
  });
  const days = Math.round((graceMs / (24 * 60 * 60 * 1000)) * 10) / 10;
  io.out(
    `Removed ${removed.blobs} photos and signatures (${removed.bytes} bytes) that no record has ` +
      `referred to and nobody has uploaded for ${days} days.`,
  );
}

/** Runs one admin command; returns the process exit code. */
export async function runAdminCommand(
  args: ParsedArgs,
  io: AdminIo,
  deps: AdminDeps,
): Promise<number> {
  try {
    if (args.command === 'init') await runInit(args.values, io, deps);
    else if (args.command === 'create-user') await createUser(args.values, io, deps);
    else if (args.command === 'reset-password') await resetPassword(args.values, io, deps);
    else if (args.command === 'list-users') await printUsers(io, deps);
    else if (args.command === 'collect-blobs') await collectBlobs(io, deps);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

/** Parses `argv`; prints usage and returns an exit code when there is nothing to run. */
export function parseOrExplain(argv: readonly string[], io: AdminIo): ParsedArgs | number {
  try {
    const args = parseAdminArgs(argv);
    if (args.values.help || args.command === null) {
      (args.values.help ? io.out : io.err)(usage);
      return args.values.help ? 0 : 1;
    }
    return args;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${usage}`);
    return 1;
  }
}
