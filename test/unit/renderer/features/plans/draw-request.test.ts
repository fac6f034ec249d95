// The draw dialog's request: the seed as entered or generated, and an idempotency key kept while
// the request is the same, so that a retry after a lost answer asks for the same draw.
import { describe, expect, it } from 'vitest';
import type { DrawFormValues } from '../../../../../renderer/src/features/plans/draw-request';
import {
  checkDraw,
  drawContentOf,
  keyFor,
} from '../../../../../renderer/src/features/plans/draw-request';

const values = (overrides: Partial<DrawFormValues> = {}): DrawFormValues => ({
  periodKey: 'Q1',
  seedSource: 'public',
  seedValue: ' 2027001: 3 8 5 ',
  seedDescription: '中国福利彩票3D 2027001期开奖号码',
  jointPartnerAgencyId: '',
  redrawReason: '',
  ...overrides,
});

const DRAW = '0197a000-0000-7000-8000-0000000000d1';

describe('draw request', () => {
  it('keeps the key for the same request and makes a new one when it changes', () => {
    const first = keyFor(null, drawContentOf(values(), null));
    expect(keyFor(first, drawContentOf(values(), null))).toBe(first);
    const changed = keyFor(first, drawContentOf(values({ seedValue: '2027002' }), null));
    expect(changed.key).not.toBe(first.key);
  });

  it('sends a public seed trimmed with its source, and no partner when none is chosen', () => {
    const content = drawContentOf(values(), null);
    const checked = checkDraw(content, keyFor(null, content).key);
    expect(checked.ok && checked.request).toMatchObject({
      periodKey: 'Q1',
      seed: { source: 'public', value: '2027001: 3 8 5' },
      jointPartnerAgencyId: null,
      redraw: null,
    });
  });

  it('refuses a public seed without its value or source, naming the fields', () => {
    const content = drawContentOf(values({ seedValue: '  ', seedDescription: '' }), null);
    const checked = checkDraw(content, keyFor(null, content).key);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems.map((p) => p.name).sort()).toEqual(['seedDescription', 'seedValue']);
    }
  });

  it('asks a generated seed for nothing but an optional note', () => {
    const content = drawContentOf(values({ seedSource: 'generated', seedValue: '' }), null);
    const checked = checkDraw(content, keyFor(null, content).key);
    expect(checked.ok && checked.request.seed).toEqual({
      source: 'generated',
      description: '中国福利彩票3D 2027001期开奖号码',
    });
  });

  it('makes a redraw name the draw in force and require a reason', () => {
    const without = drawContentOf(values(), DRAW);
    const refused = checkDraw(without, keyFor(null, without).key);
    expect(!refused.ok && refused.problems.map((p) => p.name)).toEqual(['redrawReason']);
    const withReason = drawContentOf(values({ redrawReason: '抽中企业已注销' }), DRAW);
    const checked = checkDraw(withReason, keyFor(null, withReason).key);
    expect(checked.ok && checked.request.redraw).toEqual({ of: DRAW, reason: '抽中企业已注销' });
  });
});
