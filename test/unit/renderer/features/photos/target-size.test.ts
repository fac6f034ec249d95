import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodePlan,
  storedSize,
  targetSize,
} from '../../../../../renderer/src/features/photos/target-size';

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

describe('decodePlan and storedSize', () => {
  it('decodes a 12-megapixel JPEG at half scale and stores it as decoded', () => {
    expect(decodePlan(4000, 3000)).toEqual({ numerator: 4, size: { width: 2000, height: 1500 } });
    expect(decodePlan(3000, 4000)).toEqual({ numerator: 4, size: { width: 1500, height: 2000 } });
    expect(decodePlan(8000, 6000)).toEqual({ numerator: 2, size: { width: 2000, height: 1500 } });
  });

  it('decodes at the next eighth above the cap and scales to it when no eighth lands near it', () => {
    expect(decodePlan(5472, 3648)).toEqual({ numerator: 3, size: { width: 2048, height: 1365 } });
    expect(decodePlan(2100, 1000)).toEqual({ numerator: 8, size: { width: 2048, height: 975 } });
  });

  it('leaves photos within the cap at full size', () => {
    expect(decodePlan(1200, 900)).toEqual({ numerator: 8, size: { width: 1200, height: 900 } });
  });

  it('stores the long edge within 3% below the cap, and never decodes smaller than it stores', () => {
    fc.assert(
      fc.property(side, side, (width, height) => {
        const { numerator, size } = decodePlan(width, height);
        const long = Math.max(size.width, size.height);
        expect(long).toBeLessThanOrEqual(2048);
        if (Math.max(width, height) > 2048) expect(long).toBeGreaterThanOrEqual(2048 * 0.97);
        else expect(size).toEqual({ width, height });
        const decoded = Math.ceil((Math.max(width, height) * numerator) / 8);
        expect(decoded).toBeGreaterThanOrEqual(long);
        expect(storedSize(width, height)).toEqual(size);
      }),
    );
  });
});
