import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaError, localWriteErrorText } from '../../../../renderer/src/db/quota';
import { createI18n } from '../../../../renderer/src/i18n/i18n';

describe('quota errors', () => {
  it('recognises the browser error, Dexie’s and a wrapped one', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    const aborted = new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError'));
    expect(isQuotaError(aborted)).toBe(true);
    expect(isQuotaError(new Error('x', { cause: { name: 'QuotaExceededError' } }))).toBe(true);
  });

  it('does not mistake other failures for a full disk', () => {
    expect(isQuotaError(new Dexie.ConstraintError('dup'))).toBe(false);
    expect(isQuotaError(new Error('network'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('says plainly that the disk is full and nothing saved is lost', () => {
    const i18n = createI18n('en');
    const full = localWriteErrorText(
      i18n.t,
      new Dexie.QuotaExceededError('full'),
      'storage.writeFailed',
    );
    expect(full).toMatch(/out of storage space/);
    expect(full).toMatch(/saved before is still there/);
    expect(localWriteErrorText(i18n.t, new Error('x'), 'storage.writeFailed')).toMatch(
      /Could not save/,
    );
  });
});
