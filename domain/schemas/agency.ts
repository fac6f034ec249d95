import { z } from 'zod';
import { nonEmpty, syncFields } from './common';

export const agencyKinds = ['safety', 'environment', 'economy', 'town', 'zone'] as const;
export const agencyKindSchema = z.enum(agencyKinds);
export type AgencyKind = z.infer<typeof agencyKindSchema>;

export const agencySchema = z.object({
  ...syncFields,
  name: nonEmpty(100),
  kind: agencyKindSchema,
});
export type Agency = z.infer<typeof agencySchema>;
