// The service receipt (送达回证) of a granted extension's decision (延期整改审批表): kept on the
// request it decides (the finding's `extensions`), where the grant it serves is, so that whether
// the document was issued, and whether it was served already, are read from the record alone.
// Shared by the device, which records it, and the server, which checks it on push
// (server/src/sync/rectification-rules.ts).
import type { ExtensionRequest } from '../schemas/finding';
import type { ServiceReceipt } from '../schemas/service-receipt';
import type { User } from '../schemas/user';
import { chinaDateOf } from './calendar-date';

export type ExtensionReceiptProblem =
  'document' | 'notGranted' | 'alreadyServed' | 'beforeRequest' | 'servedBy';

/** Who may be named as having served the decision: its supervisor and the hazard's officers. */
export interface ExtensionServers {
  leadInspectorId: string;
  coInspectorIds: readonly string[];
}

/**
 * Why `receipt` cannot be recorded as the service of `request`'s decision, or null: it serves the
 * decision (document 'extension'), which was granted (a refusal issues no decision to serve),
 * once, by the supervisor who decided it or the officers of the hazard's inspection. It is not
 * dated before the day the enterprise asked: the decision's own time is the server's stamp of
 * when it arrived, later than the decision itself when it was decided offline, so it cannot bound
 * the service from below; the day asked can. Whether it is in the future is the server's clock's.
 */
export function extensionReceiptProblem(
  request: ExtensionRequest,
  receipt: Pick<ServiceReceipt, 'document' | 'servedAt' | 'servedBy'>,
  officers: ExtensionServers,
): ExtensionReceiptProblem | null {
  if (receipt.document !== 'extension') return 'document';
  const decision = request.decision;
  if (decision?.result !== 'granted') return 'notGranted';
  if (request.serviceReceipt) return 'alreadyServed';
  if (chinaDateOf(receipt.servedAt) < request.requestedOn) return 'beforeRequest';
  const may = servers(request, officers);
  if (receipt.servedBy.some((id) => !may.has(id))) return 'servedBy';
  return null;
}

const servers = (request: ExtensionRequest, officers: ExtensionServers) =>
  new Set(
    [request.decision?.decidedBy, officers.leadInspectorId, ...officers.coInspectorIds].filter(
      (id): id is string => id !== undefined && id !== '',
    ),
  );

/**
 * Whether `user` may record the receipt of `request`'s decision: one who may serve it (its
 * supervisor or an officer of the hazard's inspection), who was there or sent a colleague; not an
 * administrator, who keeps the records and serves nothing, nor anyone else the hazard's towns let
 * write it.
 */
export function mayRecordExtensionReceipt(
  request: ExtensionRequest,
  officers: ExtensionServers,
  user: Pick<User, 'id' | 'role'>,
): boolean {
  return user.role !== 'admin' && servers(request, officers).has(user.id);
}
