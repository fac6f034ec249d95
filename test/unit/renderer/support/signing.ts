// Signing on a signature pad in jsdom, which has no 2D canvas: the pad's drawing on screen is
// skipped (its stroke model is what gets exported), and a person's signature is one pen stroke.
import { fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/** Registers the calling describe's hooks: canvases give no 2D context, restored after each test. */
export function withoutCanvasContext(): void {
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
}

/** One pen stroke across a signature pad's canvas, as a person signing with a stylus would. */
export function drawSignature(canvas: HTMLElement): void {
  fireEvent.pointerDown(canvas, {
    pointerId: 1,
    pointerType: 'pen',
    button: 0,
    clientX: 10,
    clientY: 10,
  });
  fireEvent.pointerMove(canvas, { pointerId: 1, clientX: 60, clientY: 30 });
  fireEvent.pointerUp(canvas, { pointerId: 1, clientX: 60, clientY: 30 });
}
