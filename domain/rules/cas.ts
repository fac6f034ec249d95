// CAS registry numbers (e.g. 7664-41-7): their shape and check digit, so that a mistyped number in
// an enterprise's chemical inventory is refused where it is entered or imported.
import { casCheckDigitOk } from '../data/gb18218-table-schema';

export type CasProblem = 'format' | 'checkDigit';

export type CasResult = { ok: true; cas: string } | { ok: false; problem: CasProblem };

const CAS_SHAPE = /^\d{2,7}-\d{2}-\d$/;

/** Checks a CAS number's shape (2–7 digits, 2 digits, 1 check digit) and its check digit. */
export function checkCas(input: string): CasResult {
  const cas = input.trim();
  if (!CAS_SHAPE.test(cas)) return { ok: false, problem: 'format' };
  if (!casCheckDigitOk(cas)) return { ok: false, problem: 'checkDigit' };
  return { ok: true, cas };
}
