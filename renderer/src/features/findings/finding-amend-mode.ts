// How the hazard form behaves on a submitted inspection: no autosave; the values are saved only
// as an amendment with a reason, and the domain's refusals come back as problems to show.
import type { FindingAmendmentProblem } from '../../../../domain/rules/finding-amendment';
import type { FindingFormOutput } from './finding-form-schema';

export interface FindingAmendMode {
  /** Saves the amendment; resolves to the problems when refused, to null once it is saved. */
  save(values: FindingFormOutput, reason: string): Promise<FindingAmendmentProblem[] | null>;
  onCancel(): void;
  /**
   * The hazard is recorded already: its deadline is not amended (it moves by re-inspection or
   * extension), so the form shows it fixed.
   */
  deadlineFixed?: boolean;
}

/** Problems the reason field shows inline; the others are shown above the buttons. */
export function isReasonProblem(problem: FindingAmendmentProblem): boolean {
  return problem.code === 'amendment.reasonRequired' || problem.code === 'amendment.reasonTooLong';
}
