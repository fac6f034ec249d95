import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from '../../../../../renderer/src/features/sign-in/sign-in-error';
import { createI18n } from '../../../../../renderer/src/i18n/i18n';
import { ApiError } from '../../../../../renderer/src/sync/errors';

const rateLimited = (seconds: number | null) =>
  new ApiError(429, 'too_many_attempts', 'slow down', seconds);

describe('signInErrorMessage for a throttled sign-in', () => {
  it('says a short wait in seconds and a long one in minutes, in both languages', () => {
    const en = createI18n('en').t;
    const zh = createI18n('zh-CN').t;
    const say = (t: typeof en, seconds: number | null) =>
      signInErrorMessage(rateLimited(seconds), t, 'http://hq.test');
    expect(say(en, 1)).toBe('Too many attempts, try again in 1 second');
    expect(say(en, 4)).toBe('Too many attempts, try again in 4 seconds');
    expect(say(en, 59)).toBe('Too many attempts, try again in 59 seconds');
    expect(say(en, 60)).toBe('Too many attempts, try again in 1 minute');
    expect(say(en, 900)).toBe('Too many attempts, try again in 15 minutes');
    expect(say(en, null)).toBe('Too many attempts, try again in 1 minute');
    expect(say(zh, 4)).toBe('尝试次数过多，请 4 秒后再试');
    expect(say(zh, 900)).toBe('尝试次数过多，请 15 分钟后再试');
  });
});
