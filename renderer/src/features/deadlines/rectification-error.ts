// The words for a refused rectification, re-inspection (or its visit) or extension step: the rule that refused,
// or a storage failure (a full disk in particular) in the person's language.
import type { TFunction } from 'i18next';
import { localWriteErrorText } from '../../db/quota';
import { ExtensionError } from '../../db/repositories/extensions';
import {
  RectificationAccessError,
  RectificationError,
  ReinspectionVisitError,
} from '../../db/repositories/rectification';

export function rectificationErrorText(t: TFunction, error: unknown): string {
  if (
    error instanceof RectificationError ||
    error instanceof RectificationAccessError ||
    error instanceof ReinspectionVisitError
  ) {
    return t(`deadlines.problem.${error.code}`);
  }
  if (error instanceof ExtensionError) return t(`deadlines.problem.extension.${error.code}`);
  return localWriteErrorText(t, error, 'storage.writeFailed');
}
