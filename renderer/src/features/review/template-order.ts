/**
 * Checklist results in the order of the template's items (the order the reviewer reads the
 * checklist in), not the order the inspector answered them; results for items the templates on
 * the device do not name come last, as answered.
 */
export function inTemplateOrder<R extends { itemId: string }>(
  results: readonly R[],
  items: ReadonlyMap<string, unknown>,
): R[] {
  const position = new Map([...items.keys()].map((id, i) => [id, i]));
  const rank = (r: R) => position.get(r.itemId) ?? Number.MAX_SAFE_INTEGER;
  // Array.prototype.sort is stable: equal ranks (unknown items) keep their answered order.
  return [...results].sort((a, b) => rank(a) - rank(b));
}
