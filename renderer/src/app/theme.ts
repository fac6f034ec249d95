// The antd theme: antd's defaults, darkened where their text falls short of WCAG 2 AA contrast
// (4.5:1), which government software must meet. antd draws secondary text at 45 % black, links
// and selected menu items in a blue of 4.1:1 on white, status tags in their seed colour on its
// lightest tint, and preset-colour tags in shade 7 on shade 1 of their palette.
import { theme } from 'antd';
import type { ThemeConfig } from 'antd';
import { AA_TEXT, contrastRatio } from './contrast';

const defaults = theme.getDesignToken();

/** antd's preset tag colours (Tag color="orange" and the like). */
export const presetColours = [
  'blue',
  'purple',
  'cyan',
  'green',
  'magenta',
  'pink',
  'red',
  'orange',
  'yellow',
  'volcano',
  'geekblue',
  'lime',
  'gold',
] as const;

type Shade = 7 | 8 | 9 | 10;
const palette = (colour: string, shade: number): string =>
  String((defaults as unknown as Record<string, unknown>)[`${colour}${shade}`]);

/** The lightest shade from 7 on that reads at AA on the tag's tint (shade 1). */
function tagText(colour: (typeof presetColours)[number]): string {
  const tint = palette(colour, 1);
  const shades: Shade[] = [7, 8, 9, 10];
  const readable = shades.find((s) => contrastRatio(palette(colour, s), tint) >= AA_TEXT) ?? 10;
  return palette(colour, readable);
}

/** Text colours below the primary one: dark enough on white and on the layout's grey. */
export const SECONDARY_TEXT = '#595959';

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: defaults.blue7,
    colorInfo: defaults.blue7,
    colorLink: defaults.blue7,
    colorSuccess: defaults.green8,
    colorWarning: defaults.gold9,
    colorError: defaults.red7,
    colorTextSecondary: SECONDARY_TEXT,
    colorTextTertiary: SECONDARY_TEXT,
    colorTextDescription: SECONDARY_TEXT,
    // A darker seed would derive a greyish tint; status tags keep antd's light backgrounds.
    colorSuccessBg: defaults.colorSuccessBg,
    colorSuccessBorder: defaults.colorSuccessBorder,
    colorWarningBg: defaults.colorWarningBg,
    colorWarningBorder: defaults.colorWarningBorder,
    colorErrorBg: defaults.colorErrorBg,
    colorErrorBorder: defaults.colorErrorBorder,
    colorInfoBg: defaults.colorInfoBg,
    colorInfoBorder: defaults.colorInfoBorder,
  },
  components: {
    // Tables and lists write "no data" in the disabled grey (1.8:1), but it is content.
    Table: { colorTextDisabled: SECONDARY_TEXT },
    List: { colorTextDisabled: SECONDARY_TEXT },
    // Preset tags write their text in shade 7 of the palette; antd derives its global palette
    // variables from the seeds alone, so the darker shades are given to the tag itself.
    Tag: Object.fromEntries(presetColours.map((c) => [`${c}7`, tagText(c)])),
  },
};
