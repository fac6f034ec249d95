// Who may declare an officer's conflict with an enterprise (回避) and withdraw it: the officer,
// or a supervisor of the officer's agency (who records what an officer reported to them).
import type { User } from '../schemas/user';

export type ConflictDeclarationProblem =
  /** Neither the officer nor a supervisor of the officer's agency. */
  'conflict.notYours';

type Actor = Pick<User, 'id' | 'role' | 'agencyId' | 'deletedAt'>;

export function conflictDeclarationProblem(
  actor: Actor,
  officer: Pick<User, 'id' | 'agencyId'>,
): ConflictDeclarationProblem | null {
  if (actor.deletedAt !== null) return 'conflict.notYours';
  if (actor.id === officer.id) return null;
  return actor.role === 'supervisor' && actor.agencyId === officer.agencyId
    ? null
    : 'conflict.notYours';
}
