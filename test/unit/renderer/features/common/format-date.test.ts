import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
} from '../../../../../renderer/src/features/common/format-date';

describe('dates on the screens', () => {
  it('writes an instant as the ISO day and the 24-hour time, the same in both languages', () => {
    // The device's own time zone: the instant is built in it, so the test holds in any zone.
    const instant = new Date(2026, 11, 5, 9, 7).toISOString();
    expect(formatDateTime(instant, 'zh-CN')).toBe('2026-12-05 09:07');
    expect(formatDateTime(instant, 'en')).toBe('2026-12-05 09:07');
    expect(formatDateTime(new Date(2026, 0, 31, 21, 45).toISOString(), 'en')).toBe(
      '2026-01-31 21:45',
    );
  });

  it('writes a day in the form deadlines are stored in', () => {
    expect(formatDate(new Date(2027, 0, 2))).toBe('2027-01-02');
  });

  it('says there is no time with a dash, and leaves what is not a date as it is', () => {
    expect(formatDateTime(null, 'en')).toBe('—');
    expect(formatDateTime('soon', 'zh-CN')).toBe('soon');
  });
});
