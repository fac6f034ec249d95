// A task: a visit an officer is sent on, written by the server only and synced to the devices of
// the enterprise's town, where it works offline. A drawn task comes from a draw (rules/draw.ts)
// and names its two officers; a key task is a fixed-frequency inspection of a major hazard source
// (rules/key-inspections.ts), written when its plan version is approved and sent to no officer
// in particular: any officer of the agency in the town makes it. An inspection started from a
// task names it (inspection.taskId). A redraw or a later approved revision replaces tasks: they
// are deleted, never changed, so that a device holding one learns of it with the next sync.
import { z } from 'zod';
import { periodKeySchema } from './plan';
import { dateSchema, idSchema, syncFields } from './common';

export const taskKinds = ['drawn', 'key'] as const;
export const taskKindSchema = z.enum(taskKinds);

export const taskSchema = z
  .object({
    ...syncFields,
    kind: taskKindSchema,
    enterpriseId: idSchema,
    /** The agency, and its partner after it for a joint visit (跨部门联合抽查). */
    agencyIds: z.array(idSchema).min(1).max(2),
    joint: z.boolean(),
    /** The officers sent: two, one of each agency on a joint visit; none on a key task. */
    officerIds: z.array(idSchema).max(10),
    planId: idSchema,
    /** The draw that made a drawn task; null on a key task. */
    drawId: idSchema.nullable(),
    year: z.number().int().min(2000).max(2100),
    periodKey: periodKeySchema,
    /** The visit is made on a day of the period, both days included. */
    dueFrom: dateSchema,
    dueBy: dateSchema,
  })
  .superRefine((t, ctx) => {
    if (t.dueFrom > t.dueBy) {
      ctx.addIssue({ code: 'custom', message: 'task.dueBeforeStart', path: ['dueBy'] });
    }
    if (t.kind === 'drawn' && (t.drawId === null || t.officerIds.length < 2)) {
      ctx.addIssue({ code: 'custom', message: 'task.drawnNeedsDraw', path: ['officerIds'] });
    }
    if (t.kind === 'key' && (t.drawId !== null || t.officerIds.length > 0 || t.joint)) {
      ctx.addIssue({ code: 'custom', message: 'task.keyIsUnassigned', path: ['officerIds'] });
    }
  });
export type Task = z.infer<typeof taskSchema>;
