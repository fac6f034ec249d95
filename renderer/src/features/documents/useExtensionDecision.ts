// What the printed extension decision needs, read from this device's database: the hazard, its
// granted request, the enterprise, the deciding supervisor and their agency, and the register's
// number once pulled, and who may serve it and whose names its receipt prints. Undefined while
// loading, null when the hazard or a grant is not here.
import { useLiveQuery } from 'dexie-react-hooks';
import { getAgency } from '../../db/repositories/agencies';
import { getExtensionDecisionDocument } from '../../db/repositories/documents';
import { getEnterpriseRecord } from '../../db/repositories/enterprises';
import { getFinding } from '../../db/repositories/findings';
import { getInspection } from '../../db/repositories/inspections';
import { getDirectoryUser, getDirectoryUsers } from '../../db/repositories/users';
import { useProfile } from '../../session/session-context';
import type { ExtensionDecisionData } from './ExtensionDecisionDocument';

export function useExtensionDecision(
  findingId: string,
  extensionId: string,
): ExtensionDecisionData | null | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const finding = await getFinding(db, findingId);
    const request = finding?.extensions?.find((e) => e.id === extensionId);
    if (!finding || request?.decision?.result !== 'granted') return null;
    const [enterprise, decider, registered, found] = await Promise.all([
      getEnterpriseRecord(db, finding.enterpriseId),
      getDirectoryUser(db, request.decision.decidedBy),
      getExtensionDecisionDocument(db, finding.inspectionId, extensionId),
      getInspection(db, finding.inspectionId),
    ]);
    const servers = found ? [found.leadInspectorId, ...found.coInspectorIds] : [];
    const named = [...new Set([...servers, ...(request.serviceReceipt?.servedBy ?? [])])];
    const officers = (await getDirectoryUsers(db, named)).filter((u) => u !== undefined);
    const agency = decider ? await getAgency(db, decider.agencyId) : undefined;
    return {
      finding,
      request,
      enterpriseName: enterprise?.name ?? finding.enterpriseId,
      agencyName: agency?.name ?? '',
      deciderName: decider?.displayName ?? request.decision.decidedBy,
      registered,
      servers,
      officers,
    };
  }, [db, findingId, extensionId]);
}
