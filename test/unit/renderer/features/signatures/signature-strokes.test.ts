import { describe, expect, it } from 'vitest';
import {
  clampPoint,
  drawStrokes,
  hasInk,
  lineWidth,
} from '../../../../../renderer/src/features/signatures/signature-strokes';
import type {
  InkContext,
  Stroke,
} from '../../../../../renderer/src/features/signatures/signature-strokes';

const p = (x: number, y: number, pressure = 0.5) => ({ x, y, pressure });

/** A context that records what was drawn. */
function recorder() {
  const calls: string[] = [];
  const ctx = {
    beginPath: () => calls.push('beginPath'),
    moveTo: (x: number, y: number) => calls.push(`moveTo ${x},${y}`),
    lineTo: (x: number, y: number) => calls.push(`lineTo ${x},${y}`),
    stroke: () => calls.push('stroke'),
    arc: (x: number, y: number) => calls.push(`arc ${x},${y}`),
    fill: () => calls.push('fill'),
    clearRect: (...a: number[]) => calls.push(`clearRect ${a.join(',')}`),
    setTransform: (...a: number[]) => calls.push(`setTransform ${a.join(',')}`),
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    strokeStyle: '',
    fillStyle: '',
  } as unknown as InkContext;
  return { ctx, calls };
}

describe('signature strokes', () => {
  it('needs some ink: a tap or a tiny line is not a signature', () => {
    expect(hasInk([])).toBe(false);
    expect(hasInk([[p(10, 10)]])).toBe(false);
    expect(hasInk([[p(10, 10), p(13, 14)]])).toBe(false);
    expect(
      hasInk([
        [p(10, 10), p(13, 14)],
        [p(20, 20), p(24, 23)],
      ]),
    ).toBe(true);
  });

  it('keeps points inside the pad', () => {
    expect(clampPoint(p(-5, 300), { width: 480, height: 180 })).toEqual(p(0, 180));
  });

  it('widens the line with pen pressure and copes with devices that report none', () => {
    expect(lineWidth(1)).toBeGreaterThan(lineWidth(0.2));
    expect(lineWidth(0)).toBe(lineWidth(0.5));
    expect(lineWidth(Number.NaN)).toBe(lineWidth(0.5));
  });

  it('redraws every stroke at the given scale: a dot for the first point, lines after it', () => {
    const { ctx, calls } = recorder();
    const strokes: Stroke[] = [[p(1, 2), p(3, 4), p(5, 6)], [p(7, 8)]];
    drawStrokes(ctx, strokes, { width: 100, height: 50 }, 2);
    expect(calls).toEqual([
      'setTransform 1,0,0,1,0,0',
      'clearRect 0,0,200,100',
      'setTransform 2,0,0,2,0,0',
      'beginPath',
      'arc 1,2',
      'fill',
      'beginPath',
      'moveTo 1,2',
      'lineTo 3,4',
      'stroke',
      'beginPath',
      'moveTo 3,4',
      'lineTo 5,6',
      'stroke',
      'beginPath',
      'arc 7,8',
      'fill',
    ]);
  });
});
