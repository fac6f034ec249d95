import { z } from 'zod';
import {
  blobRefSchema,
  dateSchema,
  idSchema,
  nonEmpty,
  syncFields,
  timestampSchema,
} from './common';

export const findingCategories = [
  'chemical_storage',
  'process_safety',
  'fire',
  'electrical',
  'special_operations',
  'wastewater',
  'waste_gas',
  'hazardous_waste',
  'emergency_response',
  'management',
  'other',
] as const;
export const findingCategorySchema = z.enum(findingCategories);
export type FindingCategory = z.infer<typeof findingCategorySchema>;

export const gradeSchema = z.enum(['general', 'major']);
export type Grade = z.infer<typeof gradeSchema>;

/** Stored status; `overdue` is derived from `deadline` and never stored. */
export const findingStatusSchema = z.enum(['open', 'rectified', 'closed']);
export type FindingStatus = z.infer<typeof findingStatusSchema>;

export const verificationSchema = z.object({
  inspectionId: idSchema,
  verifiedBy: idSchema,
  verifiedAt: timestampSchema,
  result: z.enum(['passed', 'failed']),
  photos: z.array(blobRefSchema).max(20),
});

export const findingSchema = z.object({
  ...syncFields,
  inspectionId: idSchema,
  enterpriseId: idSchema,
  itemId: z.string().min(1).max(64).nullable(),
  title: nonEmpty(200),
  description: z.string().trim().max(4000),
  category: findingCategorySchema,
  grade: gradeSchema,
  legalBasis: nonEmpty(500),
  requirement: nonEmpty(2000),
  deadline: dateSchema,
  responsiblePerson: nonEmpty(50),
  photos: z.array(blobRefSchema).max(20),
  status: findingStatusSchema,
  verification: verificationSchema.nullable(),
});
export type Finding = z.infer<typeof findingSchema>;
