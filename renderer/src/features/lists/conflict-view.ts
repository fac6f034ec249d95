// The conflict declarations screen's two lists: those in force (newest first) and those
// withdrawn (most recently withdrawn first).
import type { ConflictDeclaration } from '../../../../domain/schemas/officer';

export function splitConflicts(declarations: readonly ConflictDeclaration[]): {
  inForce: ConflictDeclaration[];
  withdrawn: ConflictDeclaration[];
} {
  const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return {
    inForce: declarations
      .filter((d) => d.deletedAt === null)
      .sort((a, b) => desc(a.declaredAt, b.declaredAt) || desc(a.id, b.id)),
    withdrawn: declarations
      .filter((d) => d.deletedAt !== null)
      .sort((a, b) => desc(a.deletedAt ?? '', b.deletedAt ?? '') || desc(a.id, b.id)),
  };
}
