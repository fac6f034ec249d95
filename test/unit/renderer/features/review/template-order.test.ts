import { describe, expect, it } from 'vitest';
import { inTemplateOrder } from '../../../../../renderer/src/features/review/template-order';

describe('inTemplateOrder', () => {
  it("puts results in the template's order, unknown items last in answered order", () => {
    const items = new Map([
      ['a', 'first item'],
      ['b', 'second item'],
      ['c', 'third item'],
    ]);
    const answered = [
      { itemId: 'c', n: 1 },
      { itemId: 'x', n: 2 },
      { itemId: 'a', n: 3 },
      { itemId: 'y', n: 4 },
      { itemId: 'b', n: 5 },
    ];
    expect(inTemplateOrder(answered, items).map((r) => r.itemId)).toEqual([
      'a',
      'b',
      'c',
      'x',
      'y',
    ]);
    // The answers themselves are left as they were.
    expect(answered.map((r) => r.itemId)).toEqual(['c', 'x', 'a', 'y', 'b']);
  });
});
