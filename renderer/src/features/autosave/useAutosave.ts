// Saving as a person works, with no Save button: text is saved after a short pause in typing,
// everything else at once, and whatever is still waiting is saved when the field loses focus, the
// screen is left, the page is hidden or unloaded. Saves run one after another, in order.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isQuotaError } from '../../db/quota';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; quota: boolean };

export interface Autosave<T> {
  /** Saves `value` after the pause; a later value replaces one not yet saved. */
  schedule(value: T): void;
  /** Saves at once: `value` if given, else whatever is waiting. */
  flush(value?: T): Promise<void>;
  state: SaveState;
}

/** Long enough not to write on every key, short enough that a reload loses at most a word. */
export const TYPING_PAUSE_MS = 400;

export function useAutosave<T>(
  save: (value: T) => Promise<void>,
  pauseMs: number = TYPING_PAUSE_MS,
): Autosave<T> {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const saveRef = useRef(save);
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback((value?: T): Promise<void> => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const next = value === undefined ? pending.current : { value };
    pending.current = null;
    if (next === null) return queue.current;
    setState({ status: 'saving' });
    queue.current = queue.current.then(async () => {
      try {
        await saveRef.current(next.value);
        setState({ status: 'saved' });
      } catch (error) {
        // Kept to be tried again with the next change or flush, unless a newer value is waiting.
        pending.current ??= next;
        setState({ status: 'failed', quota: isQuotaError(error) });
      }
    });
    return queue.current;
  }, []);

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), pauseMs);
    },
    [flush, pauseMs],
  );

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      // Leaving the screen (a route change, a closed drawer) saves what is still waiting.
      void flush();
    };
  }, [flush]);

  return { schedule, flush, state };
}
