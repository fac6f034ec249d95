// Everything the closing screens of an inspection read (the record, its templates, its findings,
// the user directory) and the completeness problems that follow, live from IndexedDB.
import { useLiveQuery } from 'dexie-react-hooks';
import { checkSubmission } from '../../../../domain/rules/submission';
import type { SubmissionInput, SubmissionProblem } from '../../../../domain/rules/submission';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import type { User } from '../../../../domain/schemas/user';
import { useProfile } from '../../session/session-context';
import { getInspection } from '../../db/repositories/inspections';
import { loadSubmissionInput } from '../../db/repositories/inspection-signing';
import { listUserDirectory } from '../../db/repositories/users';

export interface InspectionClosing {
  inspection: Inspection;
  templates: SubmissionInput['templates'] & readonly ChecklistTemplate[];
  users: ReadonlyMap<string, User>;
  problems: SubmissionProblem[];
  /** Live hazards recorded in this inspection. */
  findingCount: number;
}

/** undefined while loading, null when the inspection is not on this device. */
export function useInspectionClosing(inspectionId: string): InspectionClosing | null | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const inspection = await getInspection(db, inspectionId);
    if (!inspection) return null;
    const input = await loadSubmissionInput(db, inspection);
    const users = await listUserDirectory(db);
    return {
      inspection,
      templates: input.templates as readonly ChecklistTemplate[],
      users: new Map(users.map((u) => [u.id, u])),
      problems: checkSubmission(input),
      findingCount: input.findings.filter((f) => f.deletedAt === null).length,
    };
  }, [db, inspectionId]);
}
