// Turns drawn strokes into PNG bytes: redrawn on a fresh canvas at twice the pad's size, so that
// the printed signature stays sharp on an A4 page whatever the screen's pixel density.
import { drawStrokes } from './signature-strokes';
import type { PadSize, Stroke } from './signature-strokes';

export type ExportPng = (strokes: readonly Stroke[], size: PadSize) => Promise<Blob>;

const EXPORT_SCALE = 2;

export const exportSignaturePng: ExportPng = (strokes, size) =>
  new Promise((resolve, reject) => {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.width * EXPORT_SCALE);
    canvas.height = Math.round(size.height * EXPORT_SCALE);
    const ctx = canvas.getContext('2d');
    if (!ctx) {
      reject(new Error('no 2D canvas in this environment'));
      return;
    }
    drawStrokes(ctx, strokes, size, EXPORT_SCALE);
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error('the canvas could not be encoded as PNG'));
    }, 'image/png');
  });
