import { describe, expect, it } from 'vitest';
import rawTable from '../../../../domain/data/gb18218-2018.json';
import { defaultGb18218Table, gb18218TableSchema } from '../../../../domain/data/gb18218-table';
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import type { Table1Row, Table2Row } from '../../../../domain/data/gb18218-table-schema';
import { matchCasOf } from '../../../../domain/data/gb18218-table-checks';
import { casCheckDigitOk } from '../../../../domain/data/gb18218-table-schema';

const table = defaultGb18218Table;

const issues = (candidate: unknown): string[] => {
  const result = gb18218TableSchema.safeParse(candidate);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

/** A deep copy of the shipped table, to break one thing in. */
const copy = (): Gb18218Table => structuredClone(defaultGb18218Table);

const change = {
  by: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  at: '2026-03-01T09:00:00.000+08:00',
  reason: '依据省厅复核意见更正',
};

describe('GB 18218-2018 table as shipped: integrity', () => {
  it('parses, and names its version', () => {
    expect(issues(rawTable)).toEqual([]);
    expect(table.version.label).toBe('GB 18218-2018 / built-in v1');
    expect(table.version.revision).toBe(1);
  });

  it('has all 85 Table 1 entries, numbered 1 to 85 once each', () => {
    expect(table.table1).toHaveLength(85);
    const rows = table.table1.map((r) => (r.source.kind === 'standard' ? r.source.row : null));
    expect(rows).toEqual(Array.from({ length: 85 }, (_, i) => i + 1));
  });

  it('names each Table 1 row once per CAS and variant', () => {
    const keys = table.table1.flatMap((r) =>
      matchCasOf(r).map((cas) => `${cas}|${r.variant ?? ''}`),
    );
    expect(new Set(keys).size).toBe(keys.length);
    // Only rows without a CAS of their own are reached by id alone or through a listed CAS.
    const noCas = table.table1.filter((r) => r.cas === null).map((r) => [r.id, r.matchCas]);
    expect(noCas).toEqual([
      ['t1-13', ['630-08-0']],
      ['t1-45', ['6484-52-2']],
      ['t1-74', ['97-93-8', '75-24-1', '100-99-2']],
    ]);
  });

  it('splits ammonium nitrate and nitrocellulose by variant as Table 1 does', () => {
    const byCas = (cas: string) =>
      table.table1.filter((r) => matchCasOf(r).includes(cas)).map((r) => [r.variant, r.Q]);
    expect(byCas('6484-52-2')).toEqual([
      ['combustibles-over-0.2pct', 5],
      ['combustibles-0.2pct-or-less', 50],
      ['fertilizer', 200],
    ]);
    expect(byCas('9004-70-0')).toEqual([
      ['dry-or-wetted-under-25pct', 1],
      ['plasticized-under-18pct', 1],
      ['alcohol-25pct-or-more', 10],
      ['nitrogen-12.6pct-or-less', 50],
      ['water-25pct-or-more', 50],
      ['solution', 50],
    ]);
  });

  it('gives every row of every table a source in the standard, or a stated choice', () => {
    const parts = [
      [1, table.table1],
      [2, table.table2],
      [3, table.table3],
      [4, table.table4],
      [5, table.alpha],
      [6, table.levels],
    ] as const;
    for (const [n, rows] of parts) {
      for (const row of rows) {
        expect(row.source).toMatchObject({ kind: 'standard', document: 'GB 18218-2018', table: n });
        if (row.source.kind !== 'standard') continue;
        // Tables 2 and 4 are cited by code, the others by entry number.
        expect(n === 2 || n === 4 ? row.source.code : row.source.row).toBeDefined();
      }
    }
    expect(table.unclassifiedBeta.source.kind).toBe('builtIn');
  });

  it('defines the class β of every Table 2 row and of every Table 1 row that uses Table 4', () => {
    const t4 = new Map(table.table4.map((r) => [r.code, r.beta]));
    expect([...t4.keys()]).toEqual(table.table2.map((r) => r.code));
    for (const row of table.table1) {
      if (row.beta.rule === 'table4') expect(t4.has(row.beta.code)).toBe(true);
    }
  });

  it('holds Table 2 and Table 4 as the standard lists them (code, Q, β)', () => {
    const beta = new Map(table.table4.map((r) => [r.code, r.beta]));
    expect(table.table2.map((r) => [r.code, r.Q, beta.get(r.code)])).toEqual([
      ['J1', 5, 4],
      ['J2', 50, 1],
      ['J3', 50, 2],
      ['J4', 50, 2],
      ['J5', 500, 1],
      ['W1.1', 1, 2],
      ['W1.2', 10, 2],
      ['W1.3', 50, 2],
      ['W2', 10, 1.5],
      ['W3', 150, 1],
      ['W4', 200, 1],
      ['W5.1', 10, 1.5],
      ['W5.2', 50, 1],
      ['W5.3', 1000, 1],
      ['W5.4', 5000, 1],
      ['W6.1', 10, 1.5],
      ['W6.2', 50, 1],
      ['W7.1', 10, 1.5],
      ['W7.2', 50, 1],
      ['W8', 50, 1],
      ['W9.1', 50, 1],
      ['W9.2', 200, 1],
      ['W10', 200, 1],
      ['W11', 200, 1],
    ]);
  });

  it('holds the 14 toxic gases of Table 3, each named by a Table 1 row that takes its β', () => {
    expect(table.table3.map((g) => [g.nameEn, g.beta])).toEqual([
      ['carbon monoxide', 2],
      ['sulfur dioxide', 2],
      ['ammonia', 2],
      ['ethylene oxide', 2],
      ['hydrogen chloride', 3],
      ['methyl bromide', 3],
      ['chlorine', 4],
      ['hydrogen sulfide', 5],
      ['hydrogen fluoride', 5],
      ['nitrogen dioxide', 10],
      ['hydrogen cyanide', 10],
      ['phosgene', 20],
      ['phosphine', 20],
      ['methyl isocyanate', 20],
    ]);
    for (const gas of table.table3) {
      const row = table.table1.find((r) => matchCasOf(r).includes(gas.cas));
      expect(row?.beta).toEqual({ rule: 'table3', gas: gas.id });
    }
  });

  it('holds the α bands of Table 5 and the levels of Table 6', () => {
    expect(table.alpha.map((a) => [a.minPeople, a.maxPeople, a.alpha])).toEqual([
      [100, null, 2],
      [50, 99, 1.5],
      [30, 49, 1.2],
      [1, 29, 1],
      [0, 0, 0.5],
    ]);
    expect(table.levels.map((l) => [l.level, l.minR])).toEqual([
      [1, 100],
      [2, 50],
      [3, 10],
      [4, 0],
    ]);
  });

  it('keeps the critical quantity of each of the 45 chemicals the app shipped before', () => {
    // The earlier table's values, which the product's reference facts list: none may change.
    // prettier-ignore
    const before: [string, number][] = [
      ['7664-41-7', 10], ['7782-50-5', 5], ['7783-06-4', 5], ['75-44-5', 0.3], ['75-21-8', 10],
      ['74-90-8', 1], ['7664-39-3', 1], ['7446-09-5', 20], ['10102-44-0', 1], ['7647-01-0', 20],
      ['74-83-9', 10], ['7803-51-2', 1], ['624-83-9', 0.75], ['1333-74-0', 5], ['74-82-8', 50],
      ['68476-85-7', 50], ['74-85-1', 50], ['74-86-2', 1], ['106-99-0', 5], ['75-01-4', 50],
      ['115-10-6', 50], ['74-89-5', 5], ['7782-44-7', 200], ['71-43-2', 50], ['108-88-3', 500],
      ['100-42-5', 500], ['67-56-1', 500], ['64-17-5', 500], ['67-64-1', 500], ['141-78-6', 500],
      ['110-54-3', 500], ['110-82-7', 500], ['86290-81-5', 200], ['107-13-1', 50], ['75-15-0', 50],
      ['75-56-9', 10], ['60-29-7', 10], ['584-84-9', 100], ['7726-95-6', 20], ['79-21-0', 10],
      ['3811-04-9', 100], ['7775-09-9', 100], ['7697-37-2', 100],
    ];
    for (const [cas, Q] of before) {
      const rows = table.table1.filter((r) => matchCasOf(r).includes(cas));
      expect([cas, rows.map((r) => r.Q)]).toEqual([cas, [Q]]);
    }
    const an = table.table1.filter((r) => r.cas === '6484-52-2').map((r) => r.Q);
    expect(an).toEqual([5, 50]);
  });

  it('has a valid check digit on every CAS number', () => {
    const all = [...table.table1.flatMap(matchCasOf), ...table.table3.map((g) => g.cas)];
    expect(all.filter((cas) => !casCheckDigitOk(cas))).toEqual([]);
    expect(casCheckDigitOk('7782-50-5')).toBe(true);
    expect(casCheckDigitOk('7782-50-4')).toBe(false);
  });

  it('flags the values not yet checked against the printed standard', () => {
    // The list the report gives: changing it is a decision, not an accident.
    const flagged = [...table.table1, ...table.table2]
      .filter((r) => (r.flags ?? []).length > 0)
      .map((r) => `${r.id}:${(r.flags ?? []).map((f) => f.field).join(',')}`);
    expect(flagged).toEqual([
      't1-2:Q,beta.code',
      't1-5:beta.code',
      't1-8:beta.code',
      't1-13:matchCas,beta',
      't1-14:beta.code',
      't1-15:beta.code',
      't1-16:beta.code',
      't1-18:beta.code',
      't1-19:beta.code',
      't1-22:Q,beta.code',
      't1-23:cas,beta.code',
      't1-24:Q,beta.code',
      't1-26:Q,beta',
      't1-27:Q,beta.code',
      't1-28:beta.code',
      't1-29:beta.code',
      't1-39:Q',
      't1-40:Q',
      't1-41:Q',
      't1-42:Q,beta.code',
      't1-45:Q,matchCas',
      't1-46:Q',
      't1-66:beta.code',
      't1-71:beta.code,nameZh',
      't1-74:matchCas',
      't1-82:Q',
      't2-w2:criteria',
    ]);
    expect(table.notes.length).toBeGreaterThan(0);
  });
});

describe('GB 18218-2018 table: what the schema refuses', () => {
  it('a named toxic gas whose β does not come from Table 3', () => {
    const t = copy();
    const chlorine = t.table1.find((r) => r.id === 't1-12');
    Object.assign(chlorine ?? {}, {
      beta: { rule: 'table4', code: 'J1', basisZh: '急性毒性', basisEn: 'acute toxicity' },
    });
    expect(issues(t)).toContain('gb18218.toxicGasWithoutTable3Beta');
  });

  it('a Table 2 row without its class β in Table 4', () => {
    const t = copy();
    const w10 = t.table2.find((r) => r.code === 'W10');
    t.table2.push({ ...(w10 as Table2Row), id: 't2-w12', code: 'W12' });
    expect(issues(t)).toEqual(['gb18218.classBetaMissing']);
  });

  it('a Table 1 row naming a Table 4 code or a toxic gas that does not exist', () => {
    const t = copy();
    Object.assign(t.table1[56] ?? {}, {
      beta: { rule: 'table4', code: 'W99', basisZh: 'x', basisEn: 'x' },
    });
    Object.assign(t.table1[0] ?? {}, { beta: { rule: 'table3', gas: 't3-none' } });
    expect(issues(t)).toEqual(
      expect.arrayContaining(['gb18218.classBetaMissing', 'gb18218.unknownToxicGas']),
    );
  });

  it('a row that yields to a code the table lacks', () => {
    const t = copy();
    const w53 = t.table2.find((r) => r.code === 'W5.3');
    Object.assign(w53 ?? {}, { otherThan: ['W5.1', 'W5.9'] });
    expect(issues(t)).toContain('gb18218.unknownCode');
  });

  it('two rows sharing a CAS unless each names its variant, and a duplicate id', () => {
    const t = copy();
    const toluene = t.table1.find((r) => r.id === 't1-64');
    t.table1.push({
      ...structuredClone(toluene),
      id: 't1-64b',
      Q: 100,
    } as (typeof t.table1)[number]);
    expect(issues(t)).toContain('gb18218.ambiguousCas');
    const u = copy();
    u.table1.push({ ...(toluene as Table1Row), cas: '100-00-5' });
    expect(issues(u)).toContain('gb18218.duplicateId');
  });

  it('a CAS whose check digit is wrong, and a malformed one', () => {
    const t = copy();
    Object.assign(t.table1[63] ?? {}, { cas: '108-88-4' });
    expect(issues(t)).toContain('cas.checkDigit');
    Object.assign(t.table1[63] ?? {}, { cas: '108884' });
    expect(issues(t)).toContain('cas.invalid');
  });

  it('a criterion naming a category its class does not have', () => {
    const t = copy();
    Object.assign(t.table2[8]?.criteria[0] ?? {}, { categories: ['3'] });
    expect(issues(t)).toContain('ghs.category');
  });

  it('an administrator’s row without who changed it, but not with it', () => {
    const t = copy();
    const row: Table1Row = {
      id: 'adm-1',
      nameZh: '某物质',
      nameEn: 'a substance',
      cas: '100-00-5',
      Q: 10,
      beta: {
        rule: 'table4',
        code: 'W5.3',
        basisZh: '易燃液体类别2',
        basisEn: 'flammable liquid 2',
      },
      source: { kind: 'administrator', reference: '省应急管理厅函' },
    };
    t.table1.push(row);
    expect(issues(t)).toContain('gb18218.changeRequired');
    t.table1[t.table1.length - 1] = { ...row, change };
    expect(issues(t)).toEqual([]);
  });

  it('accepts an administrator’s corrected edition with its next revision', () => {
    const t = copy();
    t.version = {
      id: 'bureau.2',
      label: 'GB 18218-2018 / 区应急局 v2',
      revision: 2,
      basedOn: 'gb18218-2018.builtin.1',
    };
    // A correction keeps the row's id and its citation of the standard, and records the change.
    Object.assign(t.table1[65] ?? {}, { Q: 200, change });
    const parsed = gb18218TableSchema.parse(t);
    expect(parsed.table1[65]).toMatchObject({ id: 't1-66', change });
    expect(parsed.version.basedOn).toBe('gb18218-2018.builtin.1');
  });

  it('α bands with a gap, and level bands out of order', () => {
    const t = copy();
    t.alpha = t.alpha.filter((b) => b.minPeople !== 30);
    expect(issues(t)).toContain('gb18218.alphaBands');
    const u = copy();
    u.levels = u.levels.map((l) => (l.level === 2 ? { ...l, minR: 200 } : l));
    expect(issues(u)).toContain('gb18218.levels');
  });

  it('a non-positive critical quantity', () => {
    const t = copy();
    Object.assign(t.table1[0] ?? {}, { Q: 0 });
    expect(issues(t)).not.toEqual([]);
  });
});
