// The size a photo is stored at: the long edge capped (about 2048 px in the product), the aspect
// ratio kept, never enlarged; and how far a JPEG decoder may scale it down while decoding.

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

/**
 * How much smaller than the cap a stored photo's long edge may be, so that a JPEG decoded at a
 * reduced scale (the decoder's steps are eighths) is stored as decoded, without resampling: a
 * 4000 px photo decodes at 4/8 straight to 2000 px, far cheaper than decoding 12 megapixels and
 * scaling them to 2048.
 */
export const SCALED_DECODE_SLACK = 0.03;

export interface DecodePlan {
  /** Decode at numerator/8 of the full size (8: full size). */
  numerator: number;
  /** The size the photo is stored at. */
  size: Size;
}

/**
 * How to decode a JPEG of width×height for storage with a long edge of at most `maxEdge`: the
 * smallest eighth-step scale that is still at least as large as what is stored, and the stored
 * size (that scale's size itself when it lands within SCALED_DECODE_SLACK below the cap).
 */
export function decodePlan(
  width: number,
  height: number,
  maxEdge: number = DEFAULT_MAX_EDGE,
): DecodePlan {
  const capped = targetSize(width, height, maxEdge);
  const long = Math.max(Math.round(width), Math.round(height));
  if (long <= Math.floor(maxEdge)) return { numerator: 8, size: capped };
  const scaled = (n: number) => ({
    width: Math.ceil((Math.round(width) * n) / 8),
    height: Math.ceil((Math.round(height) * n) / 8),
  });
  for (let n = 7; n >= 1; n--) {
    const size = scaled(n);
    const edge = Math.max(size.width, size.height);
    if (edge <= maxEdge && edge >= maxEdge * (1 - SCALED_DECODE_SLACK))
      return { numerator: n, size };
  }
  const cappedEdge = Math.max(capped.width, capped.height);
  for (let n = 1; n < 8; n++) {
    const size = scaled(n);
    if (Math.max(size.width, size.height) >= cappedEdge) return { numerator: n, size: capped };
  }
  return { numerator: 8, size: capped };
}

/** The size a photo of width×height is stored at, however it is decoded. */
export function storedSize(
  width: number,
  height: number,
  maxEdge: number = DEFAULT_MAX_EDGE,
): Size {
  return decodePlan(width, height, maxEdge).size;
}
