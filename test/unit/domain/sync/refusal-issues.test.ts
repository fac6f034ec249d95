import { describe, expect, it } from 'vitest';
import { decodeIssues, encodeIssues } from '../../../../domain/sync/refusal-issues';
import { MAX_REFUSAL_PARAM } from '../../../../domain/sync/refusals';

describe('the validation issues of a refusal', () => {
  it('travel as JSON within the size of a refusal parameter, first ones first', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      path: `items.${i}.note`,
      key: 'tooLong',
    }));
    const encoded = encodeIssues(many);
    expect(encoded.length).toBeLessThanOrEqual(MAX_REFUSAL_PARAM);
    const decoded = decodeIssues(encoded);
    expect(decoded?.[0]).toEqual(many[0]);
    expect(decoded!.length).toBeGreaterThan(10);
    expect(decoded!.length).toBeLessThan(many.length);
  });

  it('read as none when the parameter is missing, empty or not a list of issues', () => {
    expect(decodeIssues(undefined)).toBeNull();
    expect(decodeIssues('[]')).toBeNull();
    expect(decodeIssues('{oops')).toBeNull();
    expect(decodeIssues('[{"path": 1}]')).toBeNull();
  });
});
