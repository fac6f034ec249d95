// Unified social credit code (统一社会信用代码, GB 32100-2015): structure and check character.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem = 'length' | 'charset' | 'checkCharacter';

export type UsccResult =
  { ok: true; code: string } | { ok: false; problem: UsccProblem; expected?: string };

/** The check character for the first 17 characters (which must already be valid). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`not a credit-code character: ${first17.charAt(i)}`);
    sum += value * (WEIGHTS[i] as number);
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET.charAt(c === 31 ? 0 : c);
}

/** Checks a code, accepting lower case; says which rule a bad code breaks. */
export function checkUscc(input: string): UsccResult {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, problem: 'length' };
  for (const ch of code) {
    if (!USCC_ALPHABET.includes(ch)) return { ok: false, problem: 'charset' };
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code.charAt(17) !== expected) return { ok: false, problem: 'checkCharacter', expected };
  return { ok: true, code };
}
