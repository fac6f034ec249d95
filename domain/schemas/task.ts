// A task: a visit an officer is sent on, written by the server only (from a draw, rules/draw.ts)
// and synced to the devices of the enterprise's town, where it works offline. An inspection
// started from a task names it (inspection.taskId). A redraw replaces its draw's tasks: they are
// deleted, never changed, so that a device holding one learns of it with the next sync.
import { z } from 'zod';
import { periodKeySchema } from './plan';
import { dateSchema, idSchema, syncFields } from './common';

export const taskKinds = ['drawn'] as const;
export const taskKindSchema = z.enum(taskKinds);

export const taskSchema = z
  .object({
    ...syncFields,
    kind: taskKindSchema,
    enterpriseId: idSchema,
    /** The agency, and its partner after it for a joint visit (跨部门联合抽查). */
    agencyIds: z.array(idSchema).min(1).max(2),
    joint: z.boolean(),
    /** The officers sent: two, one of each agency on a joint visit. */
    officerIds: z.array(idSchema).min(2).max(10),
    planId: idSchema,
    drawId: idSchema,
    year: z.number().int().min(2000).max(2100),
    periodKey: periodKeySchema,
    /** The visit is made on a day of the period, both days included. */
    dueFrom: dateSchema,
    dueBy: dateSchema,
  })
  .refine((t) => t.dueFrom <= t.dueBy, { message: 'task.dueBeforeStart', path: ['dueBy'] });
export type Task = z.infer<typeof taskSchema>;
