// The drawing of a signature as data: strokes of points in the pad's own coordinates (CSS
// pixels), kept apart from the canvas so that the same strokes can be redrawn at any scale and
// exported. Pen pressure widens the line where the device reports it.

export interface StrokePoint {
  x: number;
  y: number;
  /** 0–1 as PointerEvent reports it; mice report 0.5 while a button is down. */
  pressure: number;
}

export type Stroke = readonly StrokePoint[];

export interface PadSize {
  width: number;
  height: number;
}

/** The line width at a pressure: 1.5–3.5 CSS px, so a pen's light touch still shows. */
export function lineWidth(pressure: number): number {
  const p = Number.isFinite(pressure) && pressure > 0 ? Math.min(pressure, 1) : 0.5;
  return 1.5 + 4 * p * 0.5;
}

/** Keeps a point inside the pad (a pointer captured outside it still draws along the edge). */
export function clampPoint(point: StrokePoint, size: PadSize): StrokePoint {
  return {
    x: Math.min(Math.max(point.x, 0), size.width),
    y: Math.min(Math.max(point.y, 0), size.height),
    pressure: point.pressure,
  };
}

/** A signature needs some ink: a stray tap (one point, or a line shorter than 8 px) is not one. */
export function hasInk(strokes: readonly Stroke[]): boolean {
  let length = 0;
  for (const stroke of strokes) {
    for (let i = 1; i < stroke.length; i++) {
      const a = stroke[i - 1]!;
      const b = stroke[i]!;
      length += Math.hypot(b.x - a.x, b.y - a.y);
    }
  }
  return length >= 8;
}

/** The part of a 2D context the drawing uses (a test can record the calls). */
export type InkContext = Pick<
  CanvasRenderingContext2D,
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'stroke'
  | 'arc'
  | 'fill'
  | 'clearRect'
  | 'setTransform'
  | 'lineWidth'
  | 'lineCap'
  | 'lineJoin'
  | 'strokeStyle'
  | 'fillStyle'
>;

export const INK_COLOUR = '#1f1f1f';

/** Draws the segment from point `from` to point `index` of a stroke (or a dot for a lone point). */
export function drawSegment(ctx: InkContext, stroke: Stroke, index: number): void {
  const point = stroke[index];
  if (!point) return;
  ctx.strokeStyle = INK_COLOUR;
  ctx.fillStyle = INK_COLOUR;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const previous = stroke[index - 1];
  if (!previous) {
    ctx.beginPath();
    ctx.arc(point.x, point.y, lineWidth(point.pressure) / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.lineWidth = lineWidth((previous.pressure + point.pressure) / 2);
  ctx.beginPath();
  ctx.moveTo(previous.x, previous.y);
  ctx.lineTo(point.x, point.y);
  ctx.stroke();
}

/** Clears the context and draws every stroke, `scale` device pixels to the CSS pixel. */
export function drawStrokes(
  ctx: InkContext,
  strokes: readonly Stroke[],
  size: PadSize,
  scale: number,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, size.width * scale, size.height * scale);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  for (const stroke of strokes) {
    for (let i = 0; i < stroke.length; i++) drawSegment(ctx, stroke, i);
  }
}
