// Owns what a push does when the database refuses its writes. A batch's mutations are normally
// applied and written together, at no extra cost. When that fails (a value the database cannot
// hold, a constraint, a failed history or results row), the batch's transaction is abandoned and
// the batch is applied again in a new one, each mutation inside a savepoint of its own: the ones
// the database refuses are rolled back alone and answered `storeFailed`, the rest are applied.
// Only the data's own refusals are isolated so (see isDataRefusal): the database failing (a lost
// connection, a missing table) or a failure outside any one mutation still fails the batch, which
// the device sends again later.
import type { Mutation, MutationResult } from '../../../domain/sync/protocol';
import { storableTextOf } from '../../../domain/schemas/common';
import { MAX_REFUSAL_PARAM, refusal, refusalText } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import type { Queryable } from '../db/database';
import { withSavepoint } from '../db/savepoint';
import type { ReferenceCache } from './reference-cache';
import { loadReferences } from './stored-records';
import { REFERENCED_FIELDS } from './write-rules';

/** Thrown out of a push transaction whose writes failed: the push tries again, isolating them. */
export class BatchStoreFailed extends Error {
  constructor(cause: unknown) {
    super('a push batch could not be stored', { cause });
    this.name = 'BatchStoreFailed';
  }
}

/** Told of each mutation the database refused, with the database's error (for the log). */
export type StoreFailureListener = (mid: number, error: unknown) => void;

export interface StoreSteps {
  /** Applies mutations and writes their records, history and conflicts; their results. */
  apply(
    mutations: Mutation[],
    references: Pick<ReferenceCache, 'load'> | undefined,
  ): Promise<MutationResult[]>;
  /** Writes the device's results of these mutations. */
  save(results: MutationResult[]): Promise<void>;
}

/**
 * Lookups of referred records straight from the transaction. The push's memory of them must
 * not learn what this transaction writes before it commits: applied one by one, each mutation
 * reads what the ones before it wrote.
 */
const unremembered: Pick<ReferenceCache, 'load'> = {
  load: (tx, keys) => loadReferences(tx, keys, REFERENCED_FIELDS),
};

/**
 * Applies and saves the fresh mutations of a batch: together, or with `isolating` (the batch
 * failed together before) one by one, each in its own savepoint.
 */
export async function storeFresh(
  tx: Queryable,
  mutations: Mutation[],
  isolating: StoreFailureListener | null,
  steps: StoreSteps,
): Promise<MutationResult[]> {
  if (isolating) return storeOneByOne(tx, mutations, isolating, steps);
  try {
    const results = await steps.apply(mutations, undefined);
    await steps.save(results);
    return results;
  } catch (error) {
    if (!isDataRefusal(error)) throw error;
    throw new BatchStoreFailed(error);
  }
}

async function storeOneByOne(
  tx: Queryable,
  mutations: Mutation[],
  onFailure: StoreFailureListener,
  steps: StoreSteps,
): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const m of mutations) {
    try {
      results.push(
        ...(await withSavepoint(tx, 'push_mutation', async () => {
          const one = await steps.apply([m], unremembered);
          await steps.save(one);
          return one;
        })),
      );
    } catch (error) {
      if (!isDataRefusal(error)) throw error;
      onFailure(m.mid, error);
      const failed = rejectedResult(m.mid, refusal('storeFailed'));
      await steps.save([failed]);
      results.push(failed);
    }
  }
  return results;
}

/**
 * Whether the database refused the data it was given, by the SQLSTATE of its error: class 22
 * (data exception: a value it cannot hold), 23 (integrity constraint violation) or P0 (raised by
 * a trigger or a check function). Any other error is a failure of the server, not of the data.
 */
export function isDataRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23|P0)/.test(code);
}

/**
 * A refused mutation's result. Its parameters may quote what the device sent, and results are
 * stored: anything the database cannot hold is replaced. They are cut to the protocol's length
 * (a record with a thousand wrong fields lists them all), or the device could not read the answer
 * and would send the batch again and again.
 */
export function rejectedResult(mid: number, reason: Refusal): MutationResult {
  const params = reason.params
    ? Object.fromEntries(Object.entries(reason.params).map(([k, v]) => [k, storableTextOf(cut(v))]))
    : undefined;
  const safe: Refusal = params ? { code: reason.code, params } : { code: reason.code };
  return { mid, status: 'rejected', error: refusalText(safe), reason: safe };
}

/** At most MAX_REFUSAL_PARAM characters, ending with an ellipsis when cut. */
function cut(value: string): string {
  return value.length <= MAX_REFUSAL_PARAM ? value : `${value.slice(0, MAX_REFUSAL_PARAM - 1)}…`;
}
