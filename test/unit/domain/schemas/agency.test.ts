import { describe, expect, it } from 'vitest';
import { agencySchema } from '../../../../domain/schemas/agency';

const agency = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  version: 3,
  updatedAt: '2026-03-01T09:00:00+08:00',
  deletedAt: null,
  createdBy: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  name: '上虞区应急管理局',
  kind: 'safety',
};

const messages = (input: unknown): string[] => {
  const result = agencySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('agencySchema', () => {
  it('accepts each agency kind', () => {
    for (const kind of ['safety', 'environment', 'economy', 'town', 'zone']) {
      expect(messages({ ...agency, kind })).toEqual([]);
    }
  });

  it('rejects an unknown kind and a blank name', () => {
    expect(messages({ ...agency, kind: 'police' })).toHaveLength(1);
    expect(messages({ ...agency, name: ' ' })).toEqual(['required']);
  });

  it('checks the sync envelope: id, timestamps with offset, version', () => {
    expect(messages({ ...agency, id: 'agency-1' })).toEqual(['id.invalid']);
    expect(messages({ ...agency, updatedAt: '2026-03-01T09:00:00' })).toEqual([
      'timestamp.invalid',
    ]);
    expect(messages({ ...agency, deletedAt: '2026-03-02' })).toEqual(['timestamp.invalid']);
    expect(messages({ ...agency, version: -1 })).toHaveLength(1);
    expect(messages({ ...agency, createdBy: undefined })).toHaveLength(1);
  });
});
