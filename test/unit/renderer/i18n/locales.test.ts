import { describe, expect, it } from 'vitest';
import { en } from '../../../../renderer/src/i18n/en';
import { createI18n, translateValidation } from '../../../../renderer/src/i18n/i18n';
import { resolveLanguage } from '../../../../renderer/src/i18n/resolve-language';
import { zhCN } from '../../../../renderer/src/i18n/zh-CN';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

describe('locales', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('has no empty strings', () => {
    const empty = (tree: object) =>
      keys(tree).filter(
        (k) => k.split('.').reduce<unknown>((o, p) => (o as never)[p], tree) === '',
      );
    expect(empty(en)).toEqual([]);
    expect(empty(zhCN)).toEqual([]);
  });

  it.each([
    'required',
    'username.invalid',
    'creditCode.checkCharacter',
    'creditCode.length',
    'password.tooLong',
    'serverUrl.scheme',
    'serverUrl.insecure',
    'serverUrl.credentials',
  ])('translates the domain validation key %s in both languages', (message) => {
    for (const language of ['en', 'zh-CN'] as const) {
      const i18n = createI18n(language);
      const text = translateValidation(i18n.t, i18n, message);
      expect(text).not.toBe(i18n.t('errors.invalid'));
      expect(text).not.toContain('errors.');
    }
  });

  it('falls back to a generic sentence for an unknown message', () => {
    const i18n = createI18n('en');
    expect(translateValidation(i18n.t, i18n, 'Invalid URL')).toBe('Invalid value');
  });

  it('pluralises the rate limit message in English', () => {
    const i18n = createI18n('en');
    expect(i18n.t('signIn.rateLimited', { count: 1 })).toBe(
      'Too many attempts, try again in 1 minute',
    );
    expect(i18n.t('signIn.rateLimited', { count: 15 })).toBe(
      'Too many attempts, try again in 15 minutes',
    );
  });
});

describe('resolveLanguage', () => {
  it('follows an explicit choice', () => {
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh-CN', 'en-US')).toBe('zh-CN');
  });

  it('takes English from an English system and Chinese from anything else', () => {
    expect(resolveLanguage('system', 'en-GB')).toBe('en');
    expect(resolveLanguage('system', 'zh-TW')).toBe('zh-CN');
    expect(resolveLanguage('system', 'de-DE')).toBe('zh-CN');
  });
});
