import { describe, expect, it } from 'vitest';
import { printedPeriod } from '../../../../../renderer/src/features/plans/publication-text';

describe('a period on the printed draw record', () => {
  it('is named as a bureau writes it, not by its key', () => {
    expect(printedPeriod('Y')).toBe('全年');
    expect(printedPeriod('H1')).toBe('上半年');
    expect(printedPeriod('H2')).toBe('下半年');
    expect(printedPeriod('Q3')).toBe('第三季度');
    expect(printedPeriod('M07')).toBe('7月');
    expect(printedPeriod('M12')).toBe('12月');
  });
});
