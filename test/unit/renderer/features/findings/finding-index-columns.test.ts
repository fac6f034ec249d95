import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../../../../../domain/schemas/enterprise';
import type { Finding } from '../../../../../domain/schemas/finding';
import {
  applyFindingChanges,
  indexFindings,
} from '../../../../../renderer/src/features/findings/finding-index-columns';
import type { FindingIndex } from '../../../../../renderer/src/features/findings/finding-index-columns';
import { makeEnterprise, makeFinding } from '../../../../support/record-fixtures';

const TOWNS = ['330604001', '330604400', '330604101'];
const WORDS = ['Valve', 'EXIT', 'alarm', '报警器', '储罐', 'İzmir', ''];

const enterprises = Array.from({ length: 4 }, (_, i) =>
  makeEnterprise({ name: `${WORDS[i]} Works ${i}`, town: TOWNS[i % 3]! }),
);
const findingIds = Array.from({ length: 12 }, (_, i) => makeFinding({ title: `seed ${i}` }).id);

/** A finding state (or its absence) for one of a fixed set of ids, varied in every indexed field. */
const findingState = (id: string) =>
  fc
    .option(
      fc.record({
        title: fc.constantFrom(...WORDS),
        description: fc.constantFrom(...WORDS),
        deadline: fc.constantFrom('2030-01-01', '2030-06-01', '2030-06-02'),
        status: fc.constantFrom('open' as const, 'rectified' as const, 'closed' as const),
        grade: fc.constantFrom('general' as const, 'major' as const),
        enterprise: fc.nat(enterprises.length),
        deleted: fc.boolean(),
      }),
      { nil: undefined },
    )
    .map((state): Finding | undefined =>
      state === undefined
        ? undefined
        : makeFinding({
            id,
            title: state.title || 'x',
            description: state.description,
            deadline: state.deadline,
            status: state.status,
            grade: state.grade,
            // One past the last enterprise: an enterprise not on this device.
            enterpriseId: enterprises[state.enterprise]?.id ?? id,
            deletedAt: state.deleted ? '2030-01-01T00:00:00.000Z' : null,
          }),
    );

const enterpriseState = (e: Enterprise) =>
  fc
    .option(
      fc.record({
        name: fc.constantFrom(...WORDS, e.name),
        town: fc.constantFrom(...TOWNS),
        deleted: fc.boolean(),
      }),
      { nil: undefined },
    )
    .map((s): Enterprise | undefined =>
      s === undefined
        ? undefined
        : {
            ...e,
            name: s.name,
            town: s.town,
            deletedAt: s.deleted ? '2030-01-01T00:00:00Z' : null,
          },
    );

const world = fc.record({
  findings: fc.tuple(...findingIds.map(findingState)),
  enterprises: fc.tuple(...enterprises.map(enterpriseState)),
});

const present = <T>(list: readonly (T | undefined)[]) => list.filter((x): x is T => !!x);
/** What an index says, whatever its text chunks: the columns and the whole text. */
const plain = ({ textChunks: _chunks, ...index }: FindingIndex) => ({
  ...index,
  starts: Array.from(index.starts),
});

describe('applyFindingChanges', () => {
  it('gives the same columns as indexing the changed records afresh', () => {
    fc.assert(
      fc.property(
        world,
        world,
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (before, after, changed) => {
          const old = indexFindings(present(before.findings), present(before.enterprises));
          // Records not marked changed keep their earlier state.
          const final = {
            findings: findingIds.map((_, i) =>
              changed[i] ? after.findings[i] : before.findings[i],
            ),
            enterprises: enterprises.map((_, i) =>
              changed[12 + i] ? after.enterprises[i] : before.enterprises[i],
            ),
          };
          const updated = applyFindingChanges(old, {
            findings: new Map(
              findingIds.flatMap((id, i) => (changed[i] ? [[id, final.findings[i]] as const] : [])),
            ),
            enterprises: new Map(
              enterprises.flatMap((e, i) =>
                changed[12 + i] ? [[e.id, final.enterprises[i]] as const] : [],
              ),
            ),
          });
          const fresh = indexFindings(present(final.findings), present(final.enterprises));
          expect(plain(updated)).toEqual(plain(fresh));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splices a few changed findings (no enterprise changes) as a fresh index would have them', () => {
    fc.assert(
      fc.property(
        world,
        world,
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (before, after, changed) => {
          const final = findingIds.map((_, i) =>
            changed[i] ? after.findings[i] : before.findings[i],
          );
          const old = indexFindings(present(before.findings), enterprises);
          const updated = applyFindingChanges(old, {
            findings: new Map(
              findingIds.flatMap((id, i) => (changed[i] ? [[id, final[i]] as const] : [])),
            ),
            enterprises: new Map(),
          });
          expect(plain(updated)).toEqual(plain(indexFindings(present(final), enterprises)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps text chunks right across thousands of findings, splices and merges', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const day = () => `2030-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`;
    const make = () =>
      makeFinding({
        title: WORDS[Math.floor(random() * WORDS.length)] || 'x',
        enterpriseId: enterprises[Math.floor(random() * enterprises.length)]!.id,
        deadline: day(),
      });
    let all = Array.from({ length: 3000 }, make);
    let index = indexFindings(all, enterprises);
    expect(index.textChunks.length).toBeGreaterThan(1);
    for (let round = 0; round < 350; round++) {
      // Mostly small saves (spliced), some pulled pages (merged), landing in one chunk or all.
      const size = round === 10 || round === 20 ? 200 : 1 + Math.floor(random() * 30);
      const changes = new Map<string, Finding | undefined>();
      for (let k = 0; k < size; k++) {
        const roll = random();
        if (roll < 0.9) {
          const f = { ...make(), deadline: '2030-05-15' };
          changes.set(f.id, f);
        } else {
          const f = all[Math.floor(random() * all.length)]!;
          changes.set(f.id, roll < 0.95 ? { ...f, title: 'Valve', deadline: day() } : undefined);
        }
      }
      index = applyFindingChanges(index, { findings: changes, enterprises: new Map() });
      all = [...all.filter((f) => !changes.has(f.id)), ...present([...changes.values()])];
    }
    expect(plain(index)).toEqual(plain(indexFindings(all, enterprises)));
    // Many findings spliced into one chunk split it rather than growing it without bound.
    const sizes = index.textChunks.map((chunk) => chunk.starts.length - 1);
    expect(all.filter((f) => f.deadline === '2030-05-15').length).toBeGreaterThan(4200);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * 2048 + 1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(index.ids.length);
  }, 30_000);

  it('leaves the index it was given unchanged', () => {
    const f = makeFinding({ enterpriseId: enterprises[0]!.id, title: 'Valve' });
    const old = indexFindings([f], enterprises);
    const copy = plain(old);
    applyFindingChanges(old, {
      findings: new Map([[f.id, { ...f, title: 'Exit' }]]),
      enterprises: new Map([[enterprises[0]!.id, undefined]]),
    });
    expect(plain(old)).toEqual(copy);
  });
});
