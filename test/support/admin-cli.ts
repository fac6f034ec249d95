// The administration command line run in-process, as `npm run admin -- …` runs it, with what it
// printed collected for the test to read.
import { parseOrExplain, runAdminCommand } from '../../server/src/admin/commands';
import type { Database } from '../../server/src/db/database';

export interface AdminRun {
  code: number;
  out: string;
  err: string;
}

export async function runAdmin(
  db: Database,
  clock: () => Date,
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<AdminRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env };
  const args = parseOrExplain(argv, io);
  const code = typeof args === 'number' ? args : await runAdminCommand(args, io, { db, clock });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
