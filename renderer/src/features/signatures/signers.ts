// Who signs an inspection, in the order the record prints them: the lead officer, the
// co-inspectors, then the enterprise's representative.
import type { Inspection, Signature } from '../../../../domain/schemas/inspection';
import type { User } from '../../../../domain/schemas/user';

export interface Signer {
  role: Signature['role'];
  /** The officer; null for the enterprise's representative. */
  userId: string | null;
  /** The name the signature is recorded under ('' for a representative not yet named). */
  name: string;
  signature: Signature | null;
}

export function signersOf(inspection: Inspection, users: ReadonlyMap<string, User>): Signer[] {
  const officers = [...new Set([inspection.leadInspectorId, ...inspection.coInspectorIds])];
  const signed = (role: Signature['role'], userId: string | null) =>
    inspection.signatures.find((s) =>
      role === 'enterprise'
        ? s.role === 'enterprise'
        : s.role !== 'enterprise' && s.userId === userId,
    ) ?? null;
  const people: Signer[] = officers.map((userId) => {
    const role = userId === inspection.leadInspectorId ? 'lead' : 'co';
    return {
      role,
      userId,
      name: users.get(userId)?.displayName ?? '',
      signature: signed(role, userId),
    };
  });
  people.push({
    role: 'enterprise',
    userId: null,
    name: inspection.enterpriseRep?.name.trim() ?? '',
    signature: signed('enterprise', null),
  });
  return people;
}
