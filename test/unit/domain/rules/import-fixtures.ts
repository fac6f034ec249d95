// What the enterprise import's tests give the planner: the demo district's registry, its towns by
// name or code, and ids that count up from 1 in each plan, so that a plan's records can be
// written down by hand.
import { towns } from '../../../../domain/data/towns';
import type { ImportContext } from '../../../../domain/rules/enterprise-import';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import { buildDemoDistrict } from '../../../../server/src/seed/demo-district';

/** The demo district as the server seeds it, on 2026-11-29: the registry an import meets. */
export const demo = buildDemoDistrict(new Date('2026-11-29T08:00:00+08:00'));

/** A town's name as the sheet writes it (its code if it is not one of the district's). */
export const townName = (code: string) => towns.find((t) => t.code === code)?.nameZh ?? code;

const townCodeOf = (text: string) => towns.find((t) => t.nameZh === text || t.code === text)?.code;

/** The import's context over `existing`, with ids 0190f5a6-…-000000000001 onwards. */
export function importContext(existing: Enterprise[]): ImportContext {
  let n = 0;
  return {
    existing,
    townCodeOf,
    newId: () => `0190f5a6-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  };
}
