// A period of an officer's leave: its own module, since the user record and the officer list
// (officer.ts, which reads the user schema) both hold it.
import { z } from 'zod';
import { dateSchema, textSchema } from './common';

/** A period of leave, both days included. */
export const leavePeriodSchema = z
  .object({
    from: dateSchema,
    to: dateSchema,
    note: textSchema().trim().max(200),
  })
  .refine((p) => p.from <= p.to, { message: 'leave.endsBeforeStart', path: ['to'] });
export type LeavePeriod = z.infer<typeof leavePeriodSchema>;
