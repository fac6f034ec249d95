// The district a server serves, and what first-run setup creates: the district itself (name and
// six-digit division code), its towns, its agencies and the first administrator. Every problem of
// a setup is named by its path (towns.2.code, admin.agency…), so a file can be fixed in one pass.
import { z } from 'zod';
import { agencyKindSchema } from './agency';
import { nonEmpty } from './common';
import { townFieldsSchema } from './town';
import { usernameSchema } from './user';

/** The district's administrative division code (6 digits, e.g. 330604). */
export const districtCodeSchema = z.string().regex(/^\d{6}$/, { message: 'district.invalid' });

export const districtSchema = z.object({
  name: nonEmpty(100),
  code: districtCodeSchema,
});
export type District = z.infer<typeof districtSchema>;

/** An agency as setup and administration create it: every field required. */
export const agencyFieldsSchema = z.object({
  name: nonEmpty(100),
  shortName: nonEmpty(20),
  kind: agencyKindSchema,
});
export type AgencyFields = z.infer<typeof agencyFieldsSchema>;

type Issue = { path: (string | number)[]; message: string };

const listOf = (value: unknown, key: string): Record<string, unknown>[] => {
  const list = (value as Record<string, unknown> | null)?.[key];
  return Array.isArray(list)
    ? list.map((x) => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {}))
    : [];
};

/** The checks across fields: towns in the district and unique, agencies unique, the admin's agency. */
function crossCheck(
  setup: unknown,
  ctx: { addIssue: (issue: Issue & { code: 'custom' }) => void },
) {
  if (typeof setup !== 'object' || setup === null) return;
  const add = (path: Issue['path'], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const s = setup as Record<string, unknown>;
  const code = (s.district as Record<string, unknown> | undefined)?.code;
  const seen = new Set<unknown>();
  listOf(s, 'towns').forEach((town, i) => {
    if (typeof town.code !== 'string') return;
    if (typeof code === 'string' && /^\d{6}$/.test(code) && !town.code.startsWith(code)) {
      add(['towns', i, 'code'], 'town.outsideDistrict');
    }
    if (seen.has(town.code)) add(['towns', i, 'code'], 'town.duplicate');
    seen.add(town.code);
  });
  const agencies = listOf(s, 'agencies');
  for (const field of ['name', 'shortName'] as const) {
    const names = new Set<unknown>();
    agencies.forEach((agency, i) => {
      const name = agency[field];
      if (typeof name !== 'string' || name.trim() === '') return;
      if (names.has(name)) add(['agencies', i, field], 'agency.duplicate');
      names.add(name);
    });
  }
  const ref = (s.admin as Record<string, unknown> | undefined)?.agency;
  if (typeof ref === 'string' && ref.trim() !== '' && agencies.length > 0) {
    if (!agencies.some((a) => a.shortName === ref || a.name === ref)) {
      add(['admin', 'agency'], 'agency.unknown');
    }
  }
}

export const districtSetupSchema = z
  .object({
    district: districtSchema,
    towns: z.array(townFieldsSchema).min(1, { message: 'towns.required' }).max(200),
    agencies: z.array(agencyFieldsSchema).min(1, { message: 'agencies.required' }).max(50),
    admin: z.object({
      username: usernameSchema,
      displayName: nonEmpty(50),
      /** The administrator's agency: its short name or full name, as given in `agencies`. */
      agency: nonEmpty(100),
    }),
  })
  // Run even when some fields are wrong, so that one pass names every problem: the setup may
  // then be only partly valid, and each check reads only what it can.
  .superRefine((setup, ctx) => crossCheck(setup as unknown, ctx), { when: () => true });
export type DistrictSetup = z.infer<typeof districtSetupSchema>;
