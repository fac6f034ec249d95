import { describe, expect, it } from 'vitest';
import type { InstanceApp } from '../../../../electron/main/single-instance';
import { claimSingleInstance } from '../../../../electron/main/single-instance';
import type { ShellWindow } from '../../../../electron/main/windows';

function fakeApp(lockGranted: boolean) {
  const state = { quit: false, secondInstance: null as (() => void) | null };
  const app: InstanceApp = {
    requestSingleInstanceLock: () => lockGranted,
    quit: () => {
      state.quit = true;
    },
    on: (_event, listener) => {
      state.secondInstance = listener;
    },
  };
  return { app, state };
}

function recordingWindow(events: string[]): ShellWindow {
  return {
    once: () => undefined,
    show: () => events.push('show'),
    loadURL: async () => undefined,
    isMinimized: () => true,
    restore: () => events.push('restore'),
    focus: () => events.push('focus'),
    isDestroyed: () => false,
  };
}

describe('claimSingleInstance', () => {
  it('quits a second instance', () => {
    const { app, state } = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(state.quit).toBe(true);
    expect(state.secondInstance).toBeNull();
  });

  it('focuses the existing window when another launch is attempted', () => {
    const { app, state } = fakeApp(true);
    const events: string[] = [];
    const window = recordingWindow(events);
    expect(claimSingleInstance(app, () => window)).toBe(true);
    expect(state.quit).toBe(false);
    state.secondInstance?.();
    expect(events).toEqual(['restore', 'show', 'focus']);
  });
});
