import { describe, expect, it } from 'vitest';
import { drawRecordSchema } from '../../../../domain/schemas/draw';
import { drawInput, makeDrawRecord, officer, target } from '../rules/draw-fixtures';

const record = makeDrawRecord(
  drawInput({
    targets: [target(0, 'major'), target(1, 'low')],
    officers: [officer(0), officer(1)],
  }),
);

const issuesOf = (input: unknown) => {
  const result = drawRecordSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('drawRecordSchema', () => {
  it('accepts the record of a draw', () => {
    expect(drawRecordSchema.parse(record)).toEqual(record);
  });

  it('refuses a seed recorded after the draw', () => {
    expect(
      issuesOf({
        ...record,
        seed: { ...record.seed, recordedAt: '2026-01-10T09:06:00.000+08:00' },
      }),
    ).toEqual([{ path: ['seed', 'recordedAt'], message: 'draw.seedAfterDraw' }]);
    // The same instant written in another offset is not later.
    expect(
      issuesOf({ ...record, seed: { ...record.seed, recordedAt: '2026-01-10T01:05:00.000Z' } }),
    ).toEqual([]);
  });

  it('refuses an algorithm it does not know', () => {
    expect(issuesOf({ ...record, algorithm: 'fi-draw/2' })).toHaveLength(1);
  });

  it('requires a redraw’s reason', () => {
    expect(issuesOf({ ...record, redraw: { of: record.id, reason: ' ' } })).toEqual([
      { path: ['redraw', 'reason'], message: 'required' },
    ]);
  });

  it('refuses seed text and descriptions the database cannot hold, naming the field', () => {
    expect(issuesOf({ ...record, seed: { ...record.seed, value: '5 8\u0000' } })).toEqual([
      { path: ['seed', 'value'], message: 'text.unstorable' },
    ]);
    expect(issuesOf({ ...record, seed: { ...record.seed, description: '\udc00' } })).toEqual([
      { path: ['seed', 'description'], message: 'text.unstorable' },
    ]);
  });

  it('refuses hashes that are not SHA-256 hex', () => {
    expect(issuesOf({ ...record, inputHashes: { ...record.inputHashes, targets: 'ABC' } })).toEqual(
      [{ path: ['inputHashes', 'targets'], message: 'sha256.invalid' }],
    );
  });
});
