// How the GB 18218-2018 working is written on screen: numbers rounded as an inspector checks them
// by hand, and the source of each Q and β as translation keys with their values.
import type { BetaSource, QSource } from '../../../../domain/rules/gb18218';

/** Up to four significant decimals, without trailing zeros (0.5, 1.25, 0.0333). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(
    Number(value.toPrecision(6))
      .toFixed(4)
      .replace(/\.?0+$/, ''),
  );
}

export function qSourceKey(source: QSource): string {
  return source === 'table'
    ? 'enterpriseFile.source.table'
    : source === 'table:strictestVariant'
      ? 'enterpriseFile.source.strictestVariant'
      : 'enterpriseFile.source.chosenVariant';
}

export function betaSourceText(source: BetaSource): {
  key: string;
  values: Record<string, string>;
} {
  if (source.startsWith('hazardClass:')) {
    return { key: 'enterpriseFile.source.hazardClass', values: { cls: source.slice(12) } };
  }
  return { key: `enterpriseFile.source.${source}`, values: {} };
}
