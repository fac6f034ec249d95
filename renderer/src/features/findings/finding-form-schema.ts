// The hazard form's schema, derived from the domain's findingSchema: the fields a person edits,
// with the deadline also refused when it lies before today (validateDeadline). The domain schema
// itself stays strict: a form that does not pass this is kept as a local draft, never pushed.
import type { z } from 'zod';
import { validateDeadline } from '../../../../domain/rules/deadlines';
import { findingSchema } from '../../../../domain/schemas/finding';
import type { Grade } from '../../../../domain/schemas/finding';

const editable = findingSchema.pick({
  title: true,
  description: true,
  category: true,
  grade: true,
  legalBasis: true,
  requirement: true,
  deadline: true,
  responsiblePerson: true,
  photos: true,
});

/**
 * `storedDeadline`: the deadline already saved, accepted as it is even once past (an old hazard
 * opened again must stay editable); any other date must be today or later.
 */
export function findingFormSchema(today: string, storedDeadline: string | null = null) {
  return editable.extend({
    deadline: findingSchema.shape.deadline.refine(
      (d) => d === storedDeadline || validateDeadline(d, today)?.code !== 'deadline.past',
      { message: 'deadline.past' },
    ),
  });
}

export type FindingFormOutput = z.output<typeof editable>;

/** The form's values as typed: selects may still be empty. */
export type FindingFormValues = Omit<FindingFormOutput, 'category' | 'grade'> & {
  category: FindingFormOutput['category'] | null;
  grade: Grade;
};

export const textFields = [
  'title',
  'description',
  'legalBasis',
  'requirement',
  'responsiblePerson',
] as const;

/** The values of a blank hazard form. */
export function blankFindingValues(deadline: string): FindingFormValues {
  return {
    title: '',
    description: '',
    category: null,
    grade: 'general',
    legalBasis: '',
    requirement: '',
    deadline,
    responsiblePerson: '',
    photos: [],
  };
}

/** Values read back from a stored draft, field by field, falling back to `blank` for bad ones. */
export function valuesFromDraft(
  stored: Record<string, unknown>,
  blank: FindingFormValues,
): FindingFormValues {
  const text = (key: keyof FindingFormValues, fallback: string) =>
    typeof stored[key] === 'string' ? (stored[key] as string) : fallback;
  const category = findingSchema.shape.category.safeParse(stored.category);
  const grade = findingSchema.shape.grade.safeParse(stored.grade);
  const photos = findingSchema.shape.photos.safeParse(stored.photos);
  return {
    title: text('title', blank.title),
    description: text('description', blank.description),
    category: category.success ? category.data : blank.category,
    grade: grade.success ? grade.data : blank.grade,
    legalBasis: text('legalBasis', blank.legalBasis),
    requirement: text('requirement', blank.requirement),
    deadline: text('deadline', blank.deadline),
    responsiblePerson: text('responsiblePerson', blank.responsiblePerson),
    photos: photos.success ? photos.data : blank.photos,
  };
}
