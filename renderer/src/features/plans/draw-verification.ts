// What a verification of a stored draw (GET /draws/:id/verify) names, in the user's words: each
// problem the server found when it re-ran the draw from its record.
import type { TFunction } from 'i18next';
import { z } from 'zod';

/** The problems as the server names them (rules/draw.ts VerificationProblem). */
export const verificationProblems = z.array(z.string().max(64)).max(20);

const inputHashKeys = [
  'plan',
  'targets',
  'officers',
  'conflicts',
  'previousAssignments',
  'drawnEarlierInYear',
  'partnerDue',
] as const;

const known = [
  'algorithm.unknown',
  'input.invalid',
  'identity.differs',
  'seed.differs',
  'result.hashMismatch',
  'result.differs',
] as const;

/** One problem as a sentence; an unknown one as the server named it. */
export function verificationProblemText(problem: string, t: TFunction): string {
  if (problem.startsWith('inputHash.')) {
    const key = inputHashKeys.find((k) => `inputHash.${k}` === problem);
    if (key) return t('plans.verify.inputHash', { list: t(`plans.record.lists.${key}`) });
  }
  const code = known.find((k) => k === problem);
  return code ? t(`plans.verify.problems.${code.replace('.', '_')}`) : problem;
}

export { inputHashKeys };
