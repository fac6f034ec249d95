// The GB 18218-2018 grading of an inspection's enterprise as it stood when the inspection was
// submitted: the units and holdings graded, the people count α was read with, the table version,
// and the per-unit and enterprise levels. Made by the device in the submission's transaction
// (rules/grading-snapshot.ts); the server grades the units again and refuses a stated result that
// differs. The printed record reads it instead of the enterprise's units of the day it prints.
import { z } from 'zod';
import { tableVersionSchema } from '../data/gb18218-table-schema';
import { timestampSchema } from './common';
import { MAX_UNITS } from './enterprise';
import { hazardUnitSchema } from './hazard-unit';

/** A level 1 (most severe) to 4, or null: not a major hazard source. */
export const snapshotLevelSchema = z
  .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
  .nullable();

export const gradingSnapshotSchema = z
  .object({
    /** When it was made: the submission's time. */
    at: timestampSchema,
    tableVersion: tableVersionSchema,
    /** The enterprise's count of people within 500 m, for units that state none of their own. */
    peopleWithin500m: z.number().int().nonnegative(),
    units: z.array(hazardUnitSchema).max(MAX_UNITS),
    /** Each unit's level, in the order of `units`. */
    unitLevels: z.array(snapshotLevelSchema).max(MAX_UNITS),
    /** The enterprise's level: the most severe of its units'. */
    level: snapshotLevelSchema,
  })
  .refine((s) => s.unitLevels.length === s.units.length, {
    message: 'gradingSnapshot.unitLevels',
    path: ['unitLevels'],
  });
export type GradingSnapshot = z.infer<typeof gradingSnapshotSchema>;
