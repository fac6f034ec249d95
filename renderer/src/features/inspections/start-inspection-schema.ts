// What the start-inspection form checks, built from the domain's inspection schema.
import { z } from 'zod';
import { idSchema } from '../../../../domain/schemas/common';
import { inspectionKindSchema, inspectionSchema } from '../../../../domain/schemas/inspection';

export const startInspectionSchema = z.object({
  kind: inspectionKindSchema,
  templateIds: z.array(idSchema).min(1, { message: 'templates.required' }).max(10),
  coInspectorIds: inspectionSchema.shape.coInspectorIds,
  // Positioning may fail, but the record must say where the visit was: by hand then.
  location: inspectionSchema.shape.location.refine((l) => l !== null, {
    message: 'location.required',
  }),
});

export type StartInspectionInput = z.input<typeof startInspectionSchema>;
export type StartInspectionValues = z.output<typeof startInspectionSchema>;
