import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { towns as districtTowns } from '../../../../domain/data/towns';
import type { User } from '../../../../domain/schemas/user';
import { ApiError } from '../../../../server/src/http/api-error';
import { decodeCursor, encodeCursor, scopeFingerprint } from '../../../../server/src/sync/cursor';

type Scope = Pick<User, 'role' | 'jurisdiction'>;
const inspector = (...jurisdiction: string[]): Scope => ({ role: 'inspector', jurisdiction });
const townCodes = districtTowns.map((t) => t.code);
const town = fc.oneof(fc.constantFrom(...townCodes), fc.stringMatching(/^\d{9}$/));
const towns = fc.uniqueArray(town, { maxLength: 12 });

describe('pull cursor', () => {
  it('round-trips the version within its epoch and scope', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.nat(), fc.string({ minLength: 1, maxLength: 16 }), (e, v, s) => {
        expect(decodeCursor(encodeCursor(e, v, s), e, s)).toEqual({ after: v, reset: false });
      }),
    );
  });

  it('starts from 0 without reset when no cursor is given', () => {
    expect(decodeCursor(undefined, 'e1', 's1')).toEqual({ after: 0, reset: false });
    expect(decodeCursor('', 'e1', 's1')).toEqual({ after: 0, reset: false });
  });

  it('restarts from 0 with reset on a cursor of another epoch or another scope', () => {
    expect(decodeCursor(encodeCursor('e2', 42, 's1'), 'e1', 's1')).toEqual({
      after: 0,
      reset: true,
    });
    expect(decodeCursor(encodeCursor('e1', 42, 's2'), 'e1', 's1')).toEqual({
      after: 0,
      reset: true,
    });
  });

  it('restarts a cursor given out before scopes were fingerprinted: its scope is unknown', () => {
    const old = Buffer.from(JSON.stringify({ e: 'e1', v: 42 })).toString('base64url');
    expect(decodeCursor(old, 'e1', 's1')).toEqual({ after: 0, reset: true });
  });

  it('refuses anything it did not make with a 400', () => {
    for (const bad of [
      '%%%',
      'bm90IGpzb24',
      Buffer.from('{"e":"e1","v":1.5}').toString('base64url'),
      Buffer.from('{"e":"e1","v":1,"s":""}').toString('base64url'),
      Buffer.from('{"e":"e1","v":1,"s":"s1","x":1}').toString('base64url'),
      Buffer.from('[1]').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad, 'e1', 's1')).toThrow(ApiError);
      try {
        decodeCursor(bad, 'e1', 's1');
      } catch (error) {
        expect((error as ApiError).statusCode).toBe(400);
      }
    }
  });
});

describe('scope fingerprint', () => {
  it('depends on the set of towns only, not their order or repeats', () => {
    fc.assert(
      fc.property(towns, fc.nat(), (list, shift) => {
        const rotated = list.map((_, i) => list[(i + shift) % list.length] as string);
        expect(scopeFingerprint(inspector(...rotated, ...list))).toBe(
          scopeFingerprint(inspector(...list)),
        );
        expect(scopeFingerprint({ role: 'supervisor', jurisdiction: list })).toBe(
          scopeFingerprint(inspector(...list)),
        );
      }),
    );
  });

  it('differs when a town is added, removed or replaced', () => {
    fc.assert(
      fc.property(towns, town, (list, extra) => {
        const without = list.filter((t) => t !== extra);
        expect(scopeFingerprint(inspector(...without, extra))).not.toBe(
          scopeFingerprint(inspector(...without)),
        );
      }),
    );
    const [a, b] = townCodes;
    expect(scopeFingerprint(inspector(a as string))).not.toBe(
      scopeFingerprint(inspector(b as string)),
    );
  });

  it('differs for an admin, who sees every record whatever their towns', () => {
    fc.assert(
      fc.property(towns, (list) => {
        const admin = scopeFingerprint({ role: 'admin', jurisdiction: list });
        expect(admin).toBe(scopeFingerprint({ role: 'admin', jurisdiction: [] }));
        expect(admin).not.toBe(scopeFingerprint(inspector(...list)));
      }),
    );
  });

  it('is short and URL-safe', () => {
    const fingerprint = scopeFingerprint(inspector(...townCodes));
    expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
