// Whether an enterprise belongs in the working lists: the enterprise list, the choice of where to
// start an inspection and the statistics of open work. A closed enterprise (shut down, merged)
// keeps its records and history but is no longer worked on. Shared by the server and the app.
import type { Enterprise } from '../schemas/enterprise';

export function isClosed(enterprise: Pick<Enterprise, 'closure'>): boolean {
  return enterprise.closure !== undefined && enterprise.closure !== null;
}

/** Live (not deleted) and not closed. */
export function inWorkingLists(enterprise: Pick<Enterprise, 'closure' | 'deletedAt'>): boolean {
  return enterprise.deletedAt === null && !isClosed(enterprise);
}
