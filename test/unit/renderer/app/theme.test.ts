import { describe, expect, it } from 'vitest';
import { theme } from 'antd';
import { AA_TEXT, contrastRatio } from '../../../../renderer/src/app/contrast';
import { appTheme, presetColours } from '../../../../renderer/src/app/theme';

const token = theme.getDesignToken(appTheme);
const tagToken = appTheme.components?.Tag as Record<string, string>;
const WHITE = '#ffffff';
/** The layout's background, behind every screen. */
const LAYOUT = '#f5f5f5';

describe('contrastRatio', () => {
  it('measures as WCAG 2 does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // antd's default link blue, which axe measures at 4.1:1 on white.
    expect(contrastRatio('#1677ff', WHITE)).toBeCloseTo(4.1, 1);
    expect(contrastRatio(WHITE, '#1677ff')).toBe(contrastRatio('#1677ff', WHITE));
  });

  it('refuses what is not a #rrggbb colour', () => {
    expect(() => contrastRatio('rgba(0,0,0,0.45)', WHITE)).toThrow(/#rrggbb/);
  });
});

describe('the app theme', () => {
  it('writes secondary text and links at AA on white and on the layout grey', () => {
    for (const colour of [
      token.colorTextSecondary,
      token.colorTextTertiary,
      token.colorTextDescription,
      token.colorLink,
      token.colorPrimary,
    ]) {
      expect(contrastRatio(colour, WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(colour, LAYOUT)).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });

  it('writes white on primary buttons and the selected menu item on its tint at AA', () => {
    expect(contrastRatio(WHITE, token.colorPrimary)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(token.colorPrimary, token.colorPrimaryBg)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('writes status tags at AA on their backgrounds', () => {
    const pairs = [
      [token.colorSuccess, token.colorSuccessBg],
      [token.colorWarning, token.colorWarningBg],
      [token.colorError, token.colorErrorBg],
      [token.colorInfo, token.colorInfoBg],
    ] as const;
    for (const [text, background] of pairs) {
      expect(contrastRatio(text, background), `${text} on ${background}`).toBeGreaterThanOrEqual(
        AA_TEXT,
      );
    }
  });

  it('writes every preset-colour tag at AA on its tint', () => {
    const palette = token as unknown as Record<string, string>;
    for (const colour of presetColours) {
      const text = tagToken[`${colour}7`] ?? '';
      expect(contrastRatio(text, palette[`${colour}1`] ?? ''), colour).toBeGreaterThanOrEqual(
        AA_TEXT,
      );
    }
  });
});
