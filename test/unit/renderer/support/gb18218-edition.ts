// A GB 18218-2018 edition as the server publishes it and the pull stores it on a device, made from
// the shipped table with `edit` applied (the server's own nextEdition names and stamps it).
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import { defaultGb18218Table } from '../../../../domain/data/gb18218-table';
import { nextEdition } from '../../../../domain/rules/gb18218-editions';
import type { Gb18218Edition } from '../../../../domain/schemas/gb18218-edition';
import { newId } from '../../../support/record-fixtures';

const ADMIN = '01900000-0000-7000-8000-00000000a001';
const AT = '2026-12-01T02:00:00.000Z';

export function publishedEdition(
  edit: (table: Gb18218Table) => void,
  base: Gb18218Table = defaultGb18218Table,
): Gb18218Edition {
  const proposed = structuredClone(base);
  edit(proposed);
  const table = nextEdition(base, proposed, { by: ADMIN, at: AT, reason: '临界量按正式文本更正' });
  return {
    id: newId(),
    version: 1,
    updatedAt: AT,
    deletedAt: null,
    createdBy: ADMIN,
    revision: table.version.revision,
    table,
    publishedBy: ADMIN,
    publishedAt: AT,
    reason: '临界量按正式文本更正',
  };
}

/** Ammonia (Table 1, entry 1) with a critical quantity of 20 t instead of 10 t. */
export const ammoniaAt20 = (table: Gb18218Table): void => {
  const ammonia = table.table1.find((r) => r.id === 't1-1');
  if (!ammonia) throw new Error('the shipped table has no ammonia');
  ammonia.Q = 20;
};
