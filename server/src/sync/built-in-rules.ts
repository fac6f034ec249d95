// Owns the rule on statutory content in the push: a built-in checklist (its record stored with
// builtIn) is changed or deleted by no one through sync, administrators included, and no record
// sent through sync may make itself built in. The server alone writes them
// (statutory/built-in-templates.ts); a bureau copies one to make a checklist of its own.
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import type { Mutation } from '../../../domain/sync/protocol';

export function checkBuiltIn(
  m: Pick<Mutation, 'entity' | 'data'>,
  stored: Readonly<Record<string, unknown>> | undefined,
): Refusal | null {
  if (m.entity !== 'template') return null;
  if (stored?.builtIn === true || m.data?.builtIn === true) return refusal('builtInReadOnly');
  return null;
}
