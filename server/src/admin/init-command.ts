// `npm run admin -- init`: first-run setup from a JSON file (--from) and/or options. The whole
// setup is checked by the domain schema before anything is asked or written, and every problem
// is named; the district, towns, agencies and first administrator are then written together.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { DistrictSetup } from '../../../domain/schemas/district';
import { districtSetupSchema } from '../../../domain/schemas/district';
import { hashPassword } from '../auth/passwords';
import { AlreadyInitialised, checkUninitialised, initialiseDistrict } from '../district/initialise';
import { toIssues } from '../http/parse-input';
import { InputError, readPassword } from './admin-input';
import type { ParsedArgs } from './args';
import type { AdminDeps, AdminIo } from './commands';

type Values = ParsedArgs['values'];
type Draft = Record<string, unknown> & {
  district?: Record<string, unknown>;
  towns?: unknown[];
  agencies?: unknown[];
  admin?: Record<string, unknown>;
};

async function readSetupFile(path: string): Promise<Draft> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`--from: cannot read ${path} (${(error as Error).message}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`--from: ${path} is not JSON (${(error as Error).message}).`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(`--from: ${path} must hold a JSON object.`);
  }
  return parsed as Draft;
}

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** `CODE:NAME[:KIND[:ENGLISH NAME]]`; the English name may hold colons. */
function townOption(text: string): Record<string, unknown> {
  const [code, name, kind, ...english] = text.split(':');
  return {
    code: code?.trim(),
    name,
    kind: kind?.trim() || 'town',
    ...(english.length > 0 ? { nameEn: english.join(':') } : {}),
  };
}

/** `KIND:SHORT NAME:FULL NAME`; the full name may hold colons. */
function agencyOption(text: string): Record<string, unknown> {
  const [kind, shortName, ...name] = text.split(':');
  return { kind: kind?.trim(), shortName, name: name.join(':') };
}

/** The setup the file and the options describe together, unchecked. */
function combine(file: Draft, values: Values): Record<string, unknown> {
  const set = (target: Record<string, unknown>, key: string, value: string | undefined) => {
    if (value !== undefined) target[key] = value;
  };
  const district = { ...asObject(file.district) };
  set(district, 'name', values['district-name']);
  set(district, 'code', values['district-code']);
  const admin = { ...asObject(file.admin) };
  set(admin, 'username', values.username);
  set(admin, 'displayName', values['display-name']);
  set(admin, 'agency', values.agency);
  const agencies = [
    ...(Array.isArray(file.agencies) ? file.agencies : []),
    ...(values['add-agency'] ?? []).map(agencyOption),
  ];
  // With one agency, the administrator belongs to it unless told otherwise.
  const only = agencies.length === 1 ? asObject(agencies[0]).shortName : undefined;
  if (admin.agency === undefined && typeof only === 'string') admin.agency = only;
  return {
    ...file,
    district,
    towns: [
      ...(Array.isArray(file.towns) ? file.towns : []),
      ...(values.town ?? []).map(townOption),
    ],
    agencies,
    admin,
  };
}

const optionOf: Record<string, string> = {
  'district.name': '--district-name',
  'district.code': '--district-code',
  'admin.username': '--username',
  'admin.displayName': '--display-name',
  'admin.agency': '--agency',
};

/** Each problem on a line, naming the option or the item (towns and agencies count from 1). */
function explainSetup(error: z.ZodError): string {
  return toIssues(error)
    .map(({ path, message }) => {
      const [list, index, ...field] = path.split('.');
      if ((list === 'towns' || list === 'agencies') && index !== undefined && /^\d+$/.test(index)) {
        const what = list === 'towns' ? 'town' : 'agency';
        return `${what} ${Number(index) + 1}${field.length ? ` ${field.join('.')}` : ''} ${message}.`;
      }
      const option = optionOf[path];
      return `${path || 'the setup'}${option ? ` (${option})` : ''} ${message}.`;
    })
    .join('\n');
}

export async function runInit(values: Values, io: AdminIo, { db, clock }: AdminDeps) {
  const file = values.from ? await readSetupFile(values.from) : {};
  const parsed = districtSetupSchema.safeParse(combine(file, values), {
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined,
  });
  if (!parsed.success) throw new InputError(explainSetup(parsed.error));
  const setup: DistrictSetup = parsed.data;
  try {
    // Before asking for a password: a set-up database is refused whatever the password.
    await checkUninitialised(db);
    const hash = await hashPassword(await readPassword(values, io));
    const done = await initialiseDistrict(db, setup, hash, clock());
    io.out(
      `Set up ${setup.district.name} (${setup.district.code}): ${done.towns} town(s), ` +
        `${done.agencies} agenc${done.agencies === 1 ? 'y' : 'ies'}, ` +
        `${done.builtInTemplates} built-in checklist(s), and the administrator ` +
        `"${setup.admin.username}" (id ${done.adminId}). Sign in with that account.`,
    );
  } catch (error) {
    if (error instanceof AlreadyInitialised) throw new InputError(error.message);
    throw error;
  }
}
