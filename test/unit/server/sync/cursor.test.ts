import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../server/src/http/api-error';
import { decodeCursor, encodeCursor } from '../../../../server/src/sync/cursor';

describe('pull cursor', () => {
  it('round-trips the version within its epoch', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.nat(), (epoch, version) => {
        expect(decodeCursor(encodeCursor(epoch, version), epoch)).toBe(version);
      }),
    );
  });

  it('starts from 0 without a cursor or with a cursor of another epoch', () => {
    expect(decodeCursor(undefined, 'e1')).toBe(0);
    expect(decodeCursor('', 'e1')).toBe(0);
    expect(decodeCursor(encodeCursor('e2', 42), 'e1')).toBe(0);
  });

  it('refuses anything it did not make with a 400', () => {
    for (const bad of [
      '%%%',
      'bm90IGpzb24',
      Buffer.from('{"e":"e1","v":1.5}').toString('base64url'),
      Buffer.from('[1]').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad, 'e1')).toThrow(ApiError);
      try {
        decodeCursor(bad, 'e1');
      } catch (error) {
        expect((error as ApiError).statusCode).toBe(400);
      }
    }
  });
});
