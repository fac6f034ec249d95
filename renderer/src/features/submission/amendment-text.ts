// The domain's reasons for refusing an amendment, as sentences.
import type { TFunction } from 'i18next';
import type { FindingAmendmentProblem } from '../../../../domain/rules/finding-amendment';

/** Any amendment problem: of the inspection itself (AmendmentProblem) or of one of its hazards. */
export function amendmentProblemText(t: TFunction, problem: FindingAmendmentProblem): string {
  switch (problem.code) {
    case 'amendment.notSubmitted':
      return t('amendments.problem.notSubmitted');
    case 'amendment.reasonRequired':
      return t('amendments.problem.reasonRequired');
    case 'amendment.reasonTooLong':
      return t('amendments.problem.reasonTooLong', { max: problem.max });
    case 'amendment.reviewChanged':
    case 'amendment.fieldFixed':
      return t('amendments.problem.notAllowed');
    case 'amendment.nothingChanged':
      return t('amendments.problem.nothingChanged');
    case 'amendment.tooMany':
      return t('amendments.problem.tooMany', { max: problem.max });
    case 'amendment.findingInvalid':
      return t('amendments.problem.findingInvalid');
    case 'amendment.findingMismatch':
      return t('amendments.problem.findingMismatch');
    case 'amendment.deadlineByRectification':
      return t('amendments.problem.deadlineByRectification');
  }
}
