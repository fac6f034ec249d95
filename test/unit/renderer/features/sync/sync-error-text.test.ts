import { describe, expect, it } from 'vitest';
import { syncErrorText } from '../../../../../renderer/src/features/sync/sync-error-text';
import { createI18n } from '../../../../../renderer/src/i18n/i18n';
import { describeSyncError } from '../../../../../renderer/src/sync/sync-engine';
import { ServerAddressError } from '../../../../../renderer/src/sync/errors';

const at = '2026-12-01T08:00:00.000Z';

describe('a sync stopped by the transport rule', () => {
  it('is told apart from other errors, naming the refused server', () => {
    const error = new ServerAddressError('http://10.0.0.5:8787', 'insecure');
    expect(describeSyncError(error, at)).toEqual({
      kind: 'insecureServer',
      message: 'http://10.0.0.5:8787',
      at,
    });
  });

  it('says in both languages what to do about it', () => {
    const stored = describeSyncError(
      new ServerAddressError('http://10.0.0.5:8787', 'insecure'),
      at,
    );
    const en = createI18n('en');
    expect(syncErrorText(stored, en.t)).toBe(
      'Sync is stopped: the server http://10.0.0.5:8787 uses unencrypted http, and insecure connections are not allowed in Settings. Use an https address, or allow insecure connections in Settings.',
    );
    const zh = createI18n('zh-CN');
    expect(syncErrorText(stored, zh.t)).toContain('同步已停止');
    expect(syncErrorText(stored, zh.t)).toContain('http://10.0.0.5:8787');
  });
});
