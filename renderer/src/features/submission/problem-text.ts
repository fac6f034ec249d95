// Each submission problem as a plain sentence: which item (by its text), which officer (by name).
import type { TFunction } from 'i18next';
import type { SubmissionProblem } from '../../../../domain/rules/submission';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import type { User } from '../../../../domain/schemas/user';

export interface ProblemContext {
  templates: readonly Pick<ChecklistTemplate, 'sections'>[];
  users: ReadonlyMap<string, Pick<User, 'displayName'>>;
}

export function itemTexts(templates: ProblemContext['templates']): Map<string, string> {
  const texts = new Map<string, string>();
  for (const template of templates) {
    for (const section of template.sections) {
      for (const item of section.items) if (!texts.has(item.id)) texts.set(item.id, item.text);
    }
  }
  return texts;
}

export function problemText(
  t: TFunction,
  problem: SubmissionProblem,
  context: ProblemContext,
  items: ReadonlyMap<string, string> = itemTexts(context.templates),
): string {
  const officer = (userId: string) => context.users.get(userId)?.displayName ?? userId;
  switch (problem.code) {
    case 'item.unanswered':
      return t('submission.problem.itemUnanswered', {
        item: items.get(problem.itemId) ?? problem.itemId,
      });
    case 'item.failedWithoutFinding':
      return t('submission.problem.failedWithoutFinding', {
        item: items.get(problem.itemId) ?? problem.itemId,
      });
    case 'officers.tooFew':
      return t('submission.problem.officersTooFew', { count: problem.qualified });
    case 'officer.unknown':
      return t('submission.problem.officerUnknown', { officer: problem.userId });
    case 'officer.notInspector':
      return t('submission.problem.officerNotInspector', { officer: officer(problem.userId) });
    case 'officer.noCertificate':
      return t('submission.problem.officerNoCertificate', { officer: officer(problem.userId) });
    case 'signature.missing':
      return problem.role === 'enterprise'
        ? t('submission.problem.representativeSignatureMissing')
        : t('submission.problem.officerSignatureMissing', { officer: officer(problem.userId) });
    case 'enterpriseRep.missing':
      return t('submission.problem.representativeMissing');
    case 'location.missing':
      return t('submission.problem.locationMissing');
  }
}
