import { describe, expect, it } from 'vitest';
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import { defaultGb18218Table, gb18218TableSchema } from '../../../../domain/data/gb18218-table';
import {
  changedRows,
  editionVersion,
  nextEdition,
} from '../../../../domain/rules/gb18218-editions';

const change = {
  by: '01900000-0000-7000-8000-000000000001',
  at: '2026-12-05T09:00:00.000Z',
  reason: '临界量按正式文本更正',
};
const copy = (): Gb18218Table => structuredClone(defaultGb18218Table);

describe('nextEdition', () => {
  it('names the next revision, based on the edition it was edited from', () => {
    const next = nextEdition(defaultGb18218Table, copy(), change);
    expect(next.version).toEqual(editionVersion(2, defaultGb18218Table.version));
    expect(next.version).toMatchObject({ revision: 2, basedOn: 'gb18218-2018.builtin.1' });
    expect(nextEdition(next, structuredClone(next), change).version.revision).toBe(3);
  });

  it('stamps a changed or new row with the publisher and leaves unchanged rows as they were', () => {
    const proposed = copy();
    const [first, second] = proposed.table1;
    if (!first || !second) throw new Error('the shipped Table 1 is short');
    first.Q = first.Q * 2;
    proposed.table1.push({ ...second, id: 't1-admin-1', cas: '7732-18-5', variant: undefined });
    const next = nextEdition(defaultGb18218Table, proposed, change);
    expect(next.table1[0]?.change).toEqual(change);
    expect(next.table1.at(-1)?.change).toEqual(change);
    expect(next.table1[1]).toEqual(defaultGb18218Table.table1[1]);
    expect(next.table2).toEqual(defaultGb18218Table.table2);
    expect(changedRows(defaultGb18218Table, proposed)).toEqual([
      { part: 'table1', id: first.id },
      { part: 'table1', id: 't1-admin-1' },
    ]);
  });

  it('does not let a sender forge or erase who changed a row', () => {
    const base = nextEdition(defaultGb18218Table, copy(), change);
    const proposed = structuredClone(base);
    const [edited, untouched] = proposed.table2;
    if (!edited || !untouched) throw new Error('the shipped Table 2 is short');
    const forged = { by: '01900000-0000-7000-8000-000000000009', at: change.at, reason: '伪造' };
    edited.Q = edited.Q + 1;
    edited.change = forged;
    untouched.change = forged;
    const later = { ...change, at: '2026-12-06T09:00:00.000Z', reason: '第二次' };
    const next = nextEdition(base, proposed, later);
    expect(next.table2[0]?.change).toEqual(later);
    // Unchanged content keeps its earlier stamp (none here), whatever was sent.
    expect(next.table2[1]?.change).toBeUndefined();
    expect(() => gb18218TableSchema.parse(next)).not.toThrow();
  });
});
