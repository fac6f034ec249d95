import { describe, expect, it } from 'vitest';
import { MAX_REFUSAL_PARAM, refusalSchema } from '../../../../domain/sync/refusals';
import { rejectedResult } from '../../../../server/src/sync/store-isolation';

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
