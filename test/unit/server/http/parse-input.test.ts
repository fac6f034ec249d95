import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { creditCodeSchema } from '../../../../domain/schemas/enterprise';
import { toIssueKeys } from '../../../../server/src/http/parse-input';

describe('toIssueKeys: the validation issues of a refused record, as keys', () => {
  it('say each wrong field with the domain message key or the kind of problem', () => {
    const schema = z.strictObject({
      creditCode: creditCodeSchema,
      title: z.string().max(5),
      grade: z.enum(['general', 'major']),
      count: z.number(),
    });
    const result = schema.safeParse({
      creditCode: 'short',
      title: 'far too long',
      grade: 'minor',
      count: 'two',
      colour: 'red',
    });
    expect(result.success).toBe(false);
    expect(toIssueKeys(result.error!)).toEqual([
      { path: 'creditCode', key: 'creditCode.length' },
      { path: 'title', key: 'tooBig', detail: '5' },
      { path: 'grade', key: 'oneOf', detail: 'general, major' },
      { path: 'count', key: 'type', detail: 'number' },
      { path: 'colour', key: 'unknownField' },
    ]);
  });
});
