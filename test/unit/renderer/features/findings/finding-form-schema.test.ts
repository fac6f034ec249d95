import { describe, expect, it } from 'vitest';
import type { PhotoRef } from '../../../../../domain/schemas/photo-evidence';
import {
  blankFindingValues,
  findingFormSchema,
  valuesFromDraft,
} from '../../../../../renderer/src/features/findings/finding-form-schema';

const photo: PhotoRef = {
  sha256: 'f'.repeat(64),
  mime: 'image/jpeg',
  size: 1234,
  taken: { source: 'exif', at: '2026-12-05T14:03:27+08:00' },
  position: { source: 'exif', lat: 29.98, lon: 120.58, accuracyM: 12 },
};

describe("the hazard form keeps its photos' evidence", () => {
  it('through a stored draft and the form schema that saves the hazard', () => {
    const blank = blankFindingValues('2026-12-20');
    const values = valuesFromDraft({ ...blank, photos: [photo] }, blank);
    expect(values.photos).toEqual([photo]);
    const parsed = findingFormSchema('2026-12-05').parse({
      ...values,
      title: '储罐区防火堤破损',
      category: 'fire',
      legalBasis: 'GB 50351',
      requirement: '修复防火堤',
      responsiblePerson: '张三',
    });
    expect(parsed.photos).toEqual([photo]);
  });
});
