// Owns the references to towns that a push makes. Users' jurisdictions and enterprises name towns
// by code, so a user or an enterprise naming a town the server does not hold is refused, as is a
// town whose code another town has or whose code changes. Only what a write changes is checked:
// a town deleted since stays named by the records made before.
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import type { EntityName } from '../../../domain/schemas/entities';
import type { Queryable } from '../db/database';
import { unknownTownCodes } from '../district/district-store';

export interface TownCheck {
  entity: EntityName;
  id: string;
  before: Readonly<Record<string, unknown>> | undefined;
  after: Readonly<Record<string, unknown>>;
  changed: ReadonlySet<string>;
  /** Towns written earlier in the same batch, not stored yet, by code. */
  inBatch: (code: string) => Readonly<Record<string, unknown>> | undefined;
}

/** The town codes the write newly names (a user's added towns, an enterprise's new town). */
function namedTowns(check: TownCheck): string[] {
  const { entity, before, after, changed } = check;
  if (entity === 'user' && changed.has('jurisdiction')) {
    const had = new Set(Array.isArray(before?.jurisdiction) ? before.jurisdiction : []);
    return (after.jurisdiction as string[]).filter((code) => !had.has(code));
  }
  if (entity === 'enterprise' && changed.has('town')) return [after.town as string];
  return [];
}

export async function checkTownReferences(
  tx: Queryable,
  check: TownCheck,
): Promise<Refusal | null> {
  if (check.entity === 'town') return checkTown(tx, check);
  const named = namedTowns(check);
  const pending = named.filter((code) => {
    const town = check.inBatch(code);
    return !town || town.deletedAt !== null;
  });
  const [unknown] = await unknownTownCodes(
    tx,
    pending.filter((code) => check.inBatch(code) === undefined),
  );
  const deletedInBatch = pending.find((code) => check.inBatch(code) !== undefined);
  const missing = unknown ?? deletedInBatch;
  return missing === undefined ? null : refusal('unknownTown', { town: missing });
}

async function checkTown(tx: Queryable, check: TownCheck): Promise<Refusal | null> {
  const code = String(check.after.code);
  if (check.before && check.before.code !== code) return refusal('townCodeFixed');
  if (check.before) return null;
  const other = check.inBatch(code);
  if (other && other.id !== check.id) return refusal('townCodeTaken', { code });
  const [taken] = await tx.query<{ id: string }>(
    `SELECT id::text AS id FROM records WHERE entity = 'town' AND data->>'code' = $1 AND id <> $2::uuid`,
    [code, check.id],
  );
  return taken ? refusal('townCodeTaken', { code }) : null;
}
