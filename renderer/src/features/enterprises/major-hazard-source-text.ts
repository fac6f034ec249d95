// How the GB 18218-2018 working writes its numbers: rounded as an inspector checks them by hand.

/** Up to four significant decimals, without trailing zeros (0.5, 1.25, 0.0333). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(
    Number(value.toPrecision(6))
      .toFixed(4)
      .replace(/\.?0+$/, ''),
  );
}
