// The size a photo is stored at: the long edge capped (about 2048 px in the product), the aspect
// ratio kept, never enlarged.

export const DEFAULT_MAX_EDGE = 2048;

export interface Size {
  width: number;
  height: number;
}

export function targetSize(
  width: number,
  height: number,
  maxEdge: number = DEFAULT_MAX_EDGE,
): Size {
  if (!(width > 0 && height > 0 && maxEdge > 0)) {
    throw new RangeError(`targetSize: bad dimensions ${width}×${height} (max ${maxEdge})`);
  }
  const w = Math.round(width);
  const h = Math.round(height);
  const edge = Math.floor(maxEdge);
  const long = Math.max(w, h);
  if (long <= edge) return { width: w, height: h };
  const scale = edge / long;
  // The long edge is set exactly so rounding can never push it over the cap.
  return w >= h
    ? { width: edge, height: Math.max(1, Math.round(h * scale)) }
    : { width: Math.max(1, Math.round(w * scale)), height: edge };
}
