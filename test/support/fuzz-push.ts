// Push batches for the endpoint fuzzer: mutations built from the demo district's stored records
// or from new records its officers would make, then perturbed (hostile values in any field,
// fields removed or added, wrong ids, ops and base versions, mids that repeat or skip), inside
// envelopes that may be perturbed too.
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import type { EntityName } from '../../domain/schemas/entities';
import { entityNames } from '../../domain/schemas/entities';
import { SCHEMA_VERSION } from '../../domain/sync/protocol';
import type { Perturbation } from './fuzz-values';
import {
  HOSTILE_TIMES,
  hostileNumber,
  hostileString,
  oddPerturbation,
  perturb,
  perturbation,
} from './fuzz-values';
import type { Actor, FuzzWorld } from './fuzz-world';
import { ownRecords, pickRecord } from './fuzz-world';
import { enterpriseFor, newFinding, newInspection } from './push-fixtures';

type Base = 'current' | 'zero' | 'stale' | 'ahead' | { raw: number };
type Id = 'same' | 'fresh' | 'other' | { raw: string };

export interface MutationRecipe {
  /**
   * Any stored record, one the caller may well change, or a new inspection (and a hazard of it)
   * the caller would make.
   */
  source: 'stored' | 'own' | 'newInspection' | 'newFinding';
  entity: EntityName;
  pick: number;
  op: 'upsert' | 'delete';
  base: Base;
  id: Id;
  /** Applied to the record. */
  data: Perturbation[];
  /** An upsert may delete (tombstone) the record by its own deletedAt. */
  deletedAt: 'keep' | 'now' | { raw: string };
  /** Applied to the mutation around it (its data left out). */
  envelope: Perturbation[];
}

type Mids = 'next' | 'repeat' | 'gap' | 'skipInside' | { raw: number };

export interface PushRecipe {
  mutations: MutationRecipe[];
  mids: Mids;
  deviceId: 'own' | 'other' | { raw: string };
  /** Applied to the request body (its mutations left out). */
  envelope: Perturbation[];
}

const few = (max: number) => fc.array(perturbation, { maxLength: max });

const mutationRecipe: fc.Arbitrary<MutationRecipe> = fc.record({
  source: fc.constantFrom('stored', 'own', 'own', 'newInspection', 'newFinding'),
  entity: fc.constantFrom(...entityNames),
  pick: fc.nat(),
  op: fc.constantFrom('upsert', 'upsert', 'upsert', 'delete'),
  base: fc.oneof(
    {
      weight: 40,
      arbitrary: fc.constantFrom<Base>('current', 'current', 'zero', 'stale', 'ahead'),
    },
    { weight: 1, arbitrary: hostileNumber.map((raw): Base => ({ raw })) },
  ),
  id: fc.oneof(
    { weight: 40, arbitrary: fc.constant<Id>('same') },
    { weight: 2, arbitrary: fc.constantFrom<Id>('fresh', 'other') },
    { weight: 1, arbitrary: hostileString.map((raw): Id => ({ raw })) },
  ),
  data: fc.oneof(
    { weight: 3, arbitrary: fc.constant<Perturbation[]>([]) },
    { weight: 3, arbitrary: fc.array(oddPerturbation, { minLength: 1, maxLength: 2 }) },
    { weight: 4, arbitrary: few(3) },
  ),
  deletedAt: fc.oneof(
    { weight: 6, arbitrary: fc.constant('keep' as const) },
    { weight: 1, arbitrary: fc.constant('now' as const) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TIMES).map((raw) => ({ raw })) },
  ),
  envelope: fc.oneof(
    { weight: 40, arbitrary: fc.constant<Perturbation[]>([]) },
    { weight: 1, arbitrary: few(2) },
  ),
});

export const pushRecipe: fc.Arbitrary<PushRecipe> = fc.record({
  mutations: fc.array(mutationRecipe, { minLength: 1, maxLength: 5 }),
  mids: fc.oneof(
    {
      weight: 20,
      arbitrary: fc.constantFrom<Mids>(
        'next',
        'next',
        'next',
        'next',
        'next',
        'repeat',
        'gap',
        'skipInside',
      ),
    },
    { weight: 1, arbitrary: hostileNumber.map((raw): Mids => ({ raw })) },
  ),
  deviceId: fc.oneof(
    { weight: 30, arbitrary: fc.constant('own' as const) },
    { weight: 1, arbitrary: fc.constant('other' as const) },
    { weight: 1, arbitrary: hostileString.map((raw) => ({ raw })) },
  ),
  envelope: fc.oneof(
    { weight: 20, arbitrary: fc.constant<Perturbation[]>([]) },
    { weight: 1, arbitrary: few(2) },
  ),
});

/** Perturbs `value` with `changes`, leaving its `key` as it was. */
function perturbAround(
  value: Record<string, unknown>,
  key: string,
  changes: readonly Perturbation[],
): Record<string, unknown> {
  if (changes.length === 0) return value;
  const hole = `\u0001${key}`;
  const done = perturb({ ...value, [key]: hole }, changes);
  if (done[key] === hole) done[key] = value[key];
  return done;
}

function newInspectionFor(world: FuzzWorld, actor: Actor) {
  let enterpriseId: string;
  try {
    enterpriseId = enterpriseFor(world.t.district, actor.username);
  } catch {
    enterpriseId = world.t.district.enterprises[0]!.id;
  }
  return newInspection(world.t.district, actor.userId, enterpriseId);
}

/** The mutations (without mids) a recipe makes, in order. */
function mutationsOf(world: FuzzWorld, actor: Actor, recipe: MutationRecipe) {
  const made: { entity: EntityName; id: string; data: Record<string, unknown>; version: number }[] =
    [];
  if (recipe.source === 'stored') {
    const row = pickRecord(world, recipe.entity, recipe.pick);
    if (row) made.push({ ...row, data: { ...row.data } });
  } else if (recipe.source === 'own') {
    const rows = ownRecords(world, actor);
    const row = rows[recipe.pick % Math.max(1, rows.length)];
    if (row) made.push({ ...row, data: { ...row.data } });
  } else {
    const inspection = newInspectionFor(world, actor);
    made.push({ entity: 'inspection', id: inspection.id, data: inspection, version: 0 });
    if (recipe.source === 'newFinding') {
      const finding = newFinding(inspection);
      made.push({ entity: 'finding', id: finding.id, data: finding, version: 0 });
    }
  }
  return made.map((m, i) => {
    const last = i === made.length - 1;
    const other = pickRecord(world, m.entity, recipe.pick + 1)?.id ?? uuidv7();
    const id =
      !last || recipe.id === 'same'
        ? m.id
        : recipe.id === 'fresh'
          ? uuidv7()
          : recipe.id === 'other'
            ? other
            : recipe.id.raw;
    const base = recipe.base;
    const baseVersion = !last
      ? m.version
      : base === 'current'
        ? m.version
        : base === 'zero'
          ? 0
          : base === 'stale'
            ? Math.max(0, m.version - 1)
            : base === 'ahead'
              ? m.version + 5
              : base.raw;
    const deletedAt =
      !last || recipe.deletedAt === 'keep'
        ? {}
        : {
            deletedAt:
              recipe.deletedAt === 'now' ? '2026-11-29T08:00:00.000+08:00' : recipe.deletedAt.raw,
          };
    const data = last ? perturb({ ...m.data, ...deletedAt }, recipe.data) : m.data;
    const op = last ? recipe.op : 'upsert';
    const mutation = {
      entity: m.entity,
      id,
      op,
      data: op === 'delete' ? null : data,
      baseVersion,
    };
    return last ? perturbAround(mutation, 'data', recipe.envelope) : mutation;
  });
}

/** The body of a push as `actor` sends it; `mids` in the answer's order of mutations. */
export function pushBody(
  world: FuzzWorld,
  actor: Actor,
  recipe: PushRecipe,
): Record<string, unknown> {
  const mutations = recipe.mutations.flatMap((m) => mutationsOf(world, actor, m));
  const first =
    recipe.mids === 'repeat'
      ? Math.max(1, actor.lastMid - mutations.length + 1)
      : recipe.mids === 'gap'
        ? actor.lastMid + 2
        : typeof recipe.mids === 'object'
          ? recipe.mids.raw
          : actor.lastMid + 1;
  const numbered = mutations.map((m, i) => ({
    mid: recipe.mids === 'skipInside' && i > 0 ? first + i + 1 : first + i,
    ...m,
  }));
  const deviceId =
    recipe.deviceId === 'own'
      ? actor.deviceId
      : recipe.deviceId === 'other'
        ? uuidv7()
        : recipe.deviceId.raw;
  return perturbAround(
    { deviceId, schemaVersion: SCHEMA_VERSION, mutations: numbered },
    'mutations',
    recipe.envelope,
  );
}
