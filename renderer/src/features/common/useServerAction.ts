// A write an online screen sends to the server (a case step, an override, a declaration): busy
// while it runs, its success said, and its refusal said in the screen's words (offline, a known
// code, or the server's message).
import { App } from 'antd';
import { useState } from 'react';
import { ApiError, isOffline } from '../../sync/errors';

/** How a screen words a failed write. */
export interface FailureWords {
  offline: string;
  /** Any failure, with the error's own message. */
  failed: (message: string) => string;
  /** A refusal whose code the screen may know, or `fallback`. */
  known: (code: string, fallback: string) => string;
}

/** A failed write in the screen's words. */
export function failureText(error: unknown, words: FailureWords): string {
  if (isOffline(error)) return words.offline;
  const failed = words.failed(error instanceof Error ? error.message : String(error));
  return error instanceof ApiError ? words.known(error.code, failed) : failed;
}

export function useServerAction(words: () => FailureWords): {
  busy: boolean;
  run: (action: () => Promise<unknown>, success: string) => Promise<boolean>;
} {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>, success: string): Promise<boolean> {
    setBusy(true);
    try {
      await action();
      void message.success(success);
      return true;
    } catch (error) {
      void message.error(failureText(error, words()));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}
