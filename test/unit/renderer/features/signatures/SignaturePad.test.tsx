import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { SignaturePad } from '../../../../../renderer/src/features/signatures/SignaturePad';
import type { Stroke } from '../../../../../renderer/src/features/signatures/signature-strokes';
import { createI18n } from '../../../../../renderer/src/i18n/i18n';
import { withoutCanvasContext } from '../../support/signing';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function renderPad(onDone: (png: Blob) => void, exported: Stroke[][]) {
  const exportPng = async (strokes: readonly Stroke[]) => {
    exported.push([...strokes]);
    return new Blob([new Uint8Array([...PNG_MAGIC, strokes.length])], { type: 'image/png' });
  };
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <ConfigProvider theme={{ token: { motion: false } }}>
        <AntApp>
          <SignaturePad label="Li Ming" onDone={onDone} exportPng={exportPng} />
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>,
  );
}

function draw(canvas: HTMLElement, points: [number, number][], pointerId = 1) {
  const [first, ...rest] = points;
  fireEvent.pointerDown(canvas, {
    pointerId,
    pointerType: 'pen',
    button: 0,
    clientX: first![0],
    clientY: first![1],
    pressure: 0.5,
  });
  for (const [x, y] of rest) {
    fireEvent.pointerMove(canvas, { pointerId, clientX: x, clientY: y, pressure: 0.5 });
  }
  const last = points[points.length - 1]!;
  fireEvent.pointerUp(canvas, { pointerId, clientX: last[0], clientY: last[1] });
}

describe('SignaturePad', () => {
  withoutCanvasContext();

  it('exports the drawn strokes as a PNG when the person presses Done', async () => {
    const done = vi.fn();
    const exported: Stroke[][] = [];
    renderPad(done, exported);
    const canvas = screen.getByRole('img', { name: /signature area for li ming/i });
    const button = screen.getByRole('button', { name: 'Done' });
    expect(button).toHaveProperty('disabled', true);

    draw(canvas, [
      [10, 10],
      [40, 20],
      [80, 30],
    ]);
    draw(canvas, [
      [100, 40],
      [120, 60],
    ]);
    expect(button).toHaveProperty('disabled', false);
    fireEvent.click(button);

    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    const png = done.mock.calls[0]![0] as Blob;
    expect(png.type).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer())].slice(0, 8)).toEqual(PNG_MAGIC);
    expect(exported).toHaveLength(1);
    expect(exported[0]!.map((s) => s.map(({ x, y }) => [x, y]))).toEqual([
      [
        [10, 10],
        [40, 20],
        [80, 30],
      ],
      [
        [100, 40],
        [120, 60],
      ],
    ]);
  });

  it('Clear removes the drawing and disables Done again', () => {
    renderPad(vi.fn(), []);
    const canvas = screen.getByRole('img', { name: /signature area/i });
    draw(canvas, [
      [10, 10],
      [60, 60],
    ]);
    expect(screen.getByRole('button', { name: 'Done' })).toHaveProperty('disabled', false);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByRole('button', { name: 'Done' })).toHaveProperty('disabled', true);
  });

  it('ignores a second finger while one is drawing', () => {
    const exported: Stroke[][] = [];
    renderPad(vi.fn(), exported);
    const canvas = screen.getByRole('img', { name: /signature area/i });
    fireEvent.pointerDown(canvas, { pointerId: 1, pointerType: 'touch', clientX: 0, clientY: 0 });
    fireEvent.pointerDown(canvas, { pointerId: 2, pointerType: 'touch', clientX: 50, clientY: 50 });
    fireEvent.pointerMove(canvas, { pointerId: 2, clientX: 90, clientY: 90 });
    fireEvent.pointerUp(canvas, { pointerId: 2, clientX: 90, clientY: 90 });
    // Only pointer 1's tap exists, and it is not enough ink.
    expect(screen.getByRole('button', { name: 'Done' })).toHaveProperty('disabled', true);
  });
});
