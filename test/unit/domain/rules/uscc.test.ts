import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, USCC_ALPHABET, usccCheckCharacter } from '../../../../domain/rules/uscc';

// Codes published by the enterprises themselves (business licences of well-known companies).
const published = [
  '914403001922038216',
  '9144030071526726XG',
  '91330100799655058B',
  '91110108551385082Q',
  '91110000600037341L',
  '91350100M000100Y43',
];

describe('checkUscc', () => {
  it.each(published)('accepts the published code %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, code });
  });

  it('computes a check character by hand', () => {
    // 91330604MA2BCD1234: values 9,1,3,3,0,6,0,4,M=21,A=10,2,B=11,C=12,D=13,1,2,3
    // Σ c_i × w_i = 9·1 + 1·3 + 3·9 + 3·27 + 0·19 + 6·26 + 0·16 + 4·17 + 21·20 + 10·29
    //   + 2·25 + 11·13 + 12·8 + 13·24 + 1·10 + 2·30 + 3·28 = 1809; 1809 mod 31 = 11;
    // C = 31 − 11 = 20 → 'L'.
    expect(usccCheckCharacter('91330604MA2BCD123')).toBe('L');
    expect(checkUscc('91330604MA2BCD123L').ok).toBe(true);
  });

  it('accepts lower case and surrounding spaces, returning the code upper-cased', () => {
    expect(checkUscc(' 9144030071526726xg ')).toEqual({ ok: true, code: '9144030071526726XG' });
  });

  it('says when the length is wrong', () => {
    expect(checkUscc('')).toEqual({ ok: false, problem: 'length' });
    expect(checkUscc('91440300192203821')).toEqual({ ok: false, problem: 'length' });
    expect(checkUscc('9144030019220382161')).toEqual({ ok: false, problem: 'length' });
  });

  it.each(['I', 'O', 'Z', 'S', 'V', '-', '中'])('rejects the character %s', (ch) => {
    expect(checkUscc(`9144030019220382${ch}6`)).toEqual({ ok: false, problem: 'charset' });
  });

  it('says when the check character is wrong, and which one was expected', () => {
    expect(checkUscc('914403001922038217')).toEqual({
      ok: false,
      problem: 'checkCharacter',
      expected: '6',
    });
  });

  it('refuses to compute a check character for invalid characters', () => {
    expect(() => usccCheckCharacter('9144030019220382I')).toThrow(RangeError);
  });
});

const first17 = fc
  .array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''));

describe('checkUscc properties', () => {
  it('accepts any 17 valid characters followed by their check character', () => {
    fc.assert(
      fc.property(first17, (body) => {
        expect(checkUscc(body + usccCheckCharacter(body)).ok).toBe(true);
      }),
    );
  });

  it('rejects a valid code with any single character changed to another valid one', () => {
    fc.assert(
      fc.property(
        first17,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: USCC_ALPHABET.length - 1 }),
        (body, position, shift) => {
          const code = body + usccCheckCharacter(body);
          const old = USCC_ALPHABET.indexOf(code.charAt(position));
          const replacement = USCC_ALPHABET.charAt((old + shift) % USCC_ALPHABET.length);
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(changed).not.toBe(code);
          expect(checkUscc(changed)).toMatchObject({ ok: false, problem: 'checkCharacter' });
        },
      ),
    );
  });
});
