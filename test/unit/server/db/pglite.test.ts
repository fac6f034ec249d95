import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/src/db/database';
import { jsonbParameter, openPgliteMemory } from '../../../../server/src/db/pglite';

describe('jsonb parameters on the embedded database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPgliteMemory();
  });
  afterAll(async () => {
    await db.close();
  });

  const roundTrip = async (param: unknown) => {
    const [row] = await db.query<{ value: unknown; kind: string }>(
      'SELECT $1::jsonb AS value, jsonb_typeof($1::jsonb) AS kind',
      [param],
    );
    return row;
  };

  it('arrive intact as JSON text, whatever characters they hold', async () => {
    const record = {
      title: '储罐区未设置可燃气体报警 — "tank" \\ 🚒',
      tags: ['一般隐患', null, 3.5, true],
      nested: { empty: {}, list: [] },
    };
    expect(await roundTrip(JSON.stringify(record))).toEqual({ value: record, kind: 'object' });
    expect(await roundTrip('"只是一个字符串"')).toEqual({
      value: '只是一个字符串',
      kind: 'string',
    });
  });

  it('take values that are not text as their JSON', async () => {
    expect(await roundTrip({ 企业: 'A', n: 1 })).toEqual({
      value: { 企业: 'A', n: 1 },
      kind: 'object',
    });
    expect(await roundTrip([1, '二'])).toEqual({ value: [1, '二'], kind: 'array' });
  });

  it('refuse text that is not JSON', async () => {
    await expect(roundTrip('{"title": 未加引号}')).rejects.toThrow(/json/i);
  });

  it('are jsonb binary input: a version byte, then the UTF-8 text', () => {
    const bytes = jsonbParameter('{"a":"隐患"}');
    expect(bytes[0]).toBe(1);
    expect(Buffer.from(bytes.subarray(1)).toString('utf8')).toBe('{"a":"隐患"}');
  });
});
