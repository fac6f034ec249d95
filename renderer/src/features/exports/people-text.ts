// Names of the people, agencies and towns a row refers to, for the exported sheets.
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { ExportLookups } from './export-lookups';

const LIST_SEPARATOR = '、';

export function userName(lookups: ExportLookups, id: string | null): string | null {
  if (id === null) return null;
  return lookups.users.get(id)?.displayName ?? null;
}

export function userNames(lookups: ExportLookups, ids: readonly string[]): string {
  return ids.map((id) => userName(lookups, id) ?? id).join(LIST_SEPARATOR);
}

export function agencyNames(lookups: ExportLookups, ids: readonly string[]): string {
  return ids.map((id) => lookups.agencies.get(id)?.name ?? id).join(LIST_SEPARATOR);
}

/** The lead officer first, then the co-inspectors. */
export function inspectorNames(lookups: ExportLookups, inspection: Inspection): string {
  return userNames(lookups, [inspection.leadInspectorId, ...inspection.coInspectorIds]);
}

/** The enterprise's name, credit code and town (in Chinese), or nulls if not on this device. */
export function enterpriseCells(lookups: ExportLookups, enterpriseId: string) {
  const enterprise = lookups.enterprises.get(enterpriseId);
  return {
    name: enterprise?.name ?? null,
    creditCode: enterprise?.creditCode ?? null,
    town: enterprise ? (lookups.towns.get(enterprise.town)?.name ?? enterprise.town) : null,
  };
}
