import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { targetSize } from '../../../../../renderer/src/features/photos/target-size';

const side = fc.integer({ min: 1, max: 20_000 });
const maxEdge = fc.integer({ min: 16, max: 4096 });

describe('targetSize', () => {
  it('brings a 20-megapixel photo down to a 2048 px long edge, either way round', () => {
    expect(targetSize(5472, 3648)).toEqual({ width: 2048, height: 1365 });
    expect(targetSize(3648, 5472)).toEqual({ width: 1365, height: 2048 });
    expect(targetSize(4000, 4000)).toEqual({ width: 2048, height: 2048 });
  });

  it('keeps the long edge within the cap, and exactly at it when scaling down', () => {
    fc.assert(
      fc.property(side, side, maxEdge, (width, height, max) => {
        const out = targetSize(width, height, max);
        const long = Math.max(out.width, out.height);
        expect(long).toBeLessThanOrEqual(max);
        if (Math.max(width, height) > max) expect(long).toBe(max);
      }),
    );
  });

  it('never enlarges', () => {
    fc.assert(
      fc.property(side, side, maxEdge, (width, height, max) => {
        const out = targetSize(width, height, max);
        expect(out.width).toBeLessThanOrEqual(width);
        expect(out.height).toBeLessThanOrEqual(height);
        if (Math.max(width, height) <= max) expect(out).toEqual({ width, height });
      }),
    );
  });

  it('keeps the aspect ratio within one pixel and never reaches zero', () => {
    fc.assert(
      fc.property(side, side, maxEdge, (width, height, max) => {
        const out = targetSize(width, height, max);
        expect(out.width).toBeGreaterThanOrEqual(1);
        expect(out.height).toBeGreaterThanOrEqual(1);
        expect(Number.isInteger(out.width) && Number.isInteger(out.height)).toBe(true);
        // The short edge is what rounding touches; below one pixel it is clamped to 1.
        const exactHeight = (out.width * height) / width;
        const exactWidth = (out.height * width) / height;
        const error =
          width >= height
            ? Math.abs(out.height - Math.max(1, exactHeight))
            : Math.abs(out.width - Math.max(1, exactWidth));
        expect(error).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('refuses sizes that are not positive', () => {
    expect(() => targetSize(0, 100)).toThrow(RangeError);
    expect(() => targetSize(100, -1)).toThrow(RangeError);
    expect(() => targetSize(Number.NaN, 100)).toThrow(RangeError);
    expect(() => targetSize(100, 100, 0)).toThrow(RangeError);
  });
});
