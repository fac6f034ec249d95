import { describe, expect, it } from 'vitest';
import { MAX_REFUSAL_PARAM, refusalSchema } from '../../../../domain/sync/refusals';
import { isDataRefusal, rejectedResult } from '../../../../server/src/sync/store-isolation';

describe('rejectedResult', () => {
  it('keeps a refusal as it is when it can be stored and read', () => {
    expect(
      rejectedResult(3, { code: 'nothingToDelete', params: { entity: 'finding', id: 'x' } }),
    ).toEqual({
      mid: 3,
      status: 'rejected',
      error: 'there is no finding x to delete',
      reason: { code: 'nothingToDelete', params: { entity: 'finding', id: 'x' } },
    });
  });

  it('replaces, in what it quotes, what the database cannot hold', () => {
    const result = rejectedResult(1, {
      code: 'invalid',
      params: { entity: 'finding', issues: 'data.a\u0000b is not \ud800 known' },
    });
    expect(result.reason?.params?.issues).toBe('data.a\uFFFDb is not \uFFFD known');
    expect(result.error).toBe('invalid finding: data.a\uFFFDb is not \uFFFD known');
  });

  it('cuts a long parameter to what the protocol allows, never halving an emoji', () => {
    const long = `${'x'.repeat(MAX_REFUSAL_PARAM - 2)}🧯🧯🧯`;
    const issues = rejectedResult(1, {
      code: 'invalid',
      params: { entity: 'finding', issues: long },
    }).reason?.params?.issues;
    expect(issues).toHaveLength(MAX_REFUSAL_PARAM);
    expect(issues?.endsWith('\uFFFD…')).toBe(true);
    expect(refusalSchema.safeParse({ code: 'invalid', params: { issues } }).success).toBe(true);
  });
});

describe('isDataRefusal', () => {
  const withCode = (code: string) => Object.assign(new Error('refused'), { code });

  it.each(['22P05', '22021', '22008', '23505', '23514', 'P0001'])(
    'takes SQLSTATE %s for a refusal of the data',
    (code) => expect(isDataRefusal(withCode(code))).toBe(true),
  );

  it.each(['08006', '40001', '42P01', '53100', '57P01', 'XX000'])(
    'takes SQLSTATE %s for a failure of the server',
    (code) => expect(isDataRefusal(withCode(code))).toBe(false),
  );

  it('takes an error without a SQLSTATE for a failure of the server', () => {
    expect(isDataRefusal(new TypeError('x is undefined'))).toBe(false);
    expect(isDataRefusal(null)).toBe(false);
  });
});
