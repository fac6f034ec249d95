// `npm run admin -- <command>`: user administration from the command line, configured by the same
// environment variables as the server.
import { configuredBlobStore } from '../blobs/blob-store';
import { readConfig } from '../config';
import { DatabaseBusyError } from '../db/directory-lock';
import { migrate } from '../db/migrations';
import { openDatabase } from '../db/open';
import type { AdminIo } from './commands';
import { parseOrExplain, runAdminCommand } from './commands';
import { promptPassword } from './prompt-password';

async function main(): Promise<number> {
  const io: AdminIo = {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
    ...(process.stdin.isTTY ? { promptPassword } : {}),
  };
  const args = parseOrExplain(process.argv.slice(2), io);
  if (typeof args === 'number') return args;
  const config = readConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    return await runAdminCommand(args, io, {
      db,
      clock: () => new Date(),
      blobs: configuredBlobStore(db.kind, config.dataDir),
      unusedBlobGraceMs: config.unusedBlobGraceMs,
    });
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof DatabaseBusyError ? error.message : error);
    process.exit(1);
  },
);
