// The hazard form in amendment mode (a submitted inspection): the reason the person gives, the
// problems the amendment rule finds, and saving the whole form with its reason at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingAmendmentProblem } from '../../../../domain/rules/finding-amendment';
import { localWriteErrorText } from '../../db/quota';
import { isReasonProblem } from './finding-amend-mode';
import type { FindingAmendMode } from './finding-amend-mode';
import type { FindingFormOutput } from './finding-form-schema';

export interface AmendmentSave {
  reason: string;
  changeReason(next: string): void;
  problems: FindingAmendmentProblem[];
  writeError: string | null;
  /** Saves the amendment; `values` is null when the form is invalid (only problems are shown). */
  save(mode: FindingAmendMode, values: FindingFormOutput | null): Promise<void>;
}

export function useAmendmentSave(onDone: () => void): AmendmentSave {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FindingAmendmentProblem[]>([]);
  const [writeError, setWriteError] = useState<string | null>(null);

  const save = async (mode: FindingAmendMode, values: FindingFormOutput | null) => {
    setWriteError(null);
    if (values === null || reason.trim() === '') {
      setProblems(reason.trim() === '' ? [{ code: 'amendment.reasonRequired' }] : []);
      return;
    }
    try {
      const refused = await mode.save(values, reason);
      if (refused === null) onDone();
      else setProblems(refused);
    } catch (error) {
      setWriteError(localWriteErrorText(t, error, 'storage.writeFailed'));
    }
  };

  const changeReason = (next: string) => {
    setReason(next);
    setProblems((list) => list.filter((p) => !isReasonProblem(p)));
  };

  return { reason, changeReason, problems, writeError, save };
}
