// Which penalty case a hazard may open, on a given day (China time): a major hazard not closed
// past its deadline, or a hazard not closed whose latest re-inspection failed. The server decides
// on its own copy and clock; the device asks the same question to offer the action.
import type { Finding } from '../schemas/finding';
import type { CaseOriginKind } from '../schemas/penalty-case';

type CaseFacts = Pick<Finding, 'status' | 'grade' | 'deadline' | 'verification' | 'deletedAt'>;

export function findingCaseOrigins(finding: CaseFacts, today: string): CaseOriginKind[] {
  if (finding.deletedAt !== null || finding.status === 'closed') return [];
  const origins: CaseOriginKind[] = [];
  if (finding.grade === 'major' && finding.deadline < today) origins.push('overdueMajorHazard');
  if (finding.verification?.result === 'failed') origins.push('failedReinspection');
  return origins;
}
