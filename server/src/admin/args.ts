// Command-line parsing for the admin tool: commands, their options and the usage text.
import { parseArgs } from 'node:util';

export const usage = `Usage: npm run admin -- <command> [options]

Commands:
  init            first run: the district, its towns, its agencies and the first administrator
                  [--from district.json] [--district-name TEXT] [--district-code 6DIGITS]
                  [--town CODE:NAME[:town|subdistrict|zone[:ENGLISH NAME]]]...
                  [--add-agency KIND:SHORT NAME:FULL NAME]...
                  [--username NAME] [--display-name TEXT] [--agency SHORT OR FULL NAME]
                  [--password PASSWORD]
                  Refused once the district is set up, and on a database that holds agencies or
                  users already. Options add to (or replace the fields of) the file.
  create-user     --username NAME --display-name TEXT --role inspector|supervisor|admin
                  --agency <agency id or exact name> [--jurisdiction CODE,CODE,...]
                  [--certificate-no NO] [--password PASSWORD]
  reset-password  --username NAME [--password PASSWORD]
  list-users
  collect-blobs   remove the photos and signatures that no record has referred to and nobody
                  has uploaded for FI_UNUSED_BLOB_DAYS (the server also does this every hour)

The password is taken from --password, else from FI_ADMIN_PASSWORD, else asked for on the
terminal. The database is chosen like the server's: DATABASE_URL, else FI_DATA_DIR (./data).`;

const options = {
  username: { type: 'string' },
  'display-name': { type: 'string' },
  role: { type: 'string' },
  agency: { type: 'string' },
  jurisdiction: { type: 'string' },
  'certificate-no': { type: 'string' },
  password: { type: 'string' },
  from: { type: 'string' },
  'district-name': { type: 'string' },
  'district-code': { type: 'string' },
  town: { type: 'string', multiple: true },
  'add-agency': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

export type AdminCommand =
  'init' | 'create-user' | 'reset-password' | 'list-users' | 'collect-blobs';
const commands: readonly string[] = [
  'init',
  'create-user',
  'reset-password',
  'list-users',
  'collect-blobs',
];

export interface ParsedArgs {
  command: AdminCommand | null;
  values: Partial<Record<Exclude<keyof typeof options, 'help' | 'town' | 'add-agency'>, string>> & {
    help?: boolean;
    town?: string[];
    'add-agency'?: string[];
  };
}

export class UsageError extends Error {}

export function parseAdminArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command, ...extra] = parsed.positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra.join(' ')}`);
  if (command !== undefined && !commands.includes(command)) {
    throw new UsageError(`Unknown command "${command}".`);
  }
  return { command: (command as AdminCommand | undefined) ?? null, values: parsed.values };
}
