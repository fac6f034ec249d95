import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  documentNumber,
  provisionalDocumentNumber,
} from '../../../../domain/rules/document-number';

describe('documentNumber', () => {
  it('writes the number of each kind of document', () => {
    const base = { agencyShortName: '上虞应急', year: 2026, sequence: 1 };
    expect(documentNumber({ ...base, kind: 'record' })).toBe('上虞应急检记〔2026〕第0001号');
    expect(documentNumber({ ...base, kind: 'order', sequence: 37 })).toBe(
      '上虞应急责改〔2026〕第0037号',
    );
    expect(documentNumber({ ...base, kind: 'reinspection', sequence: 12345 })).toBe(
      '上虞应急复查〔2026〕第12345号',
    );
  });

  it('refuses a missing name, a bad year or sequence', () => {
    const base = { agencyShortName: '上虞环', kind: 'order' as const, year: 2026, sequence: 1 };
    expect(() => documentNumber({ ...base, agencyShortName: ' ' })).toThrow(RangeError);
    expect(() => documentNumber({ ...base, year: 26 })).toThrow(RangeError);
    expect(() => documentNumber({ ...base, sequence: 0 })).toThrow(RangeError);
    expect(() => documentNumber({ ...base, sequence: 1.5 })).toThrow(RangeError);
  });

  it('sorts in sequence order within a year, up to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (a, b) => {
        const n = (sequence: number) =>
          documentNumber({ agencyShortName: '上虞应急', kind: 'record', year: 2026, sequence });
        expect(Math.sign(n(a).localeCompare(n(b), 'en'))).toBe(Math.sign(a - b));
      }),
    );
  });
});

describe('provisionalDocumentNumber', () => {
  const id = '0195f3a2-7c41-7b2e-9d10-4f6a1b2c3d4e';

  it('takes the random end of the inspection id and marks the number provisional', () => {
    expect(
      provisionalDocumentNumber({
        agencyShortName: '上虞应急',
        kind: 'order',
        year: 2026,
        inspectionId: id,
      }),
    ).toBe('上虞应急责改〔2026〕临1B2C3D4E号');
  });

  it('is the same for the same inspection, in either case of the id', () => {
    const args = { agencyShortName: '上虞应急', kind: 'record' as const, year: 2026 };
    expect(provisionalDocumentNumber({ ...args, inspectionId: id.toUpperCase() })).toBe(
      provisionalDocumentNumber({ ...args, inspectionId: id }),
    );
  });

  it('differs between ids made in the same millisecond', () => {
    const args = { agencyShortName: '上虞应急', kind: 'record' as const, year: 2026 };
    const a = provisionalDocumentNumber({
      ...args,
      inspectionId: '0195f3a2-7c41-7b2e-9d10-000000000001',
    });
    const b = provisionalDocumentNumber({
      ...args,
      inspectionId: '0195f3a2-7c41-7b2e-9d10-000000000002',
    });
    expect(a).not.toBe(b);
  });

  it('refuses what is not an id', () => {
    expect(() =>
      provisionalDocumentNumber({
        agencyShortName: '上虞应急',
        kind: 'record',
        year: 2026,
        inspectionId: 'abc',
      }),
    ).toThrow(RangeError);
  });
});
