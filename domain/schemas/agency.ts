import { z } from 'zod';
import { nonEmpty, syncFields } from './common';

export const agencyKinds = ['safety', 'environment', 'economy', 'town', 'zone'] as const;
export const agencyKindSchema = z.enum(agencyKinds);
export type AgencyKind = z.infer<typeof agencyKindSchema>;

export const agencySchema = z.object({
  ...syncFields,
  name: nonEmpty(100),
  kind: agencyKindSchema,
  /**
   * The short name that document numbers carry (e.g. 上虞应急). Optional only so that agencies
   * recorded before it existed stay valid; every agency made by setup or administration has one.
   */
  shortName: nonEmpty(20).optional(),
});
export type Agency = z.infer<typeof agencySchema>;
