// The table the device grades with: the latest edition it pulled, or the shipped one.
import { describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../../../../domain/data/gb18218-table';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { gb18218TableOf } from '../../../../../renderer/src/db/repositories/gb18218-editions';
import { ammoniaAt20, publishedEdition } from '../../support/gb18218-edition';
import { withTestDatabase } from '../../support/test-database';

describe('gb18218TableOf', () => {
  let db: FieldInspectorDb;
  withTestDatabase((opened) => (db = opened));

  it('is the shipped table while the device holds no edition', async () => {
    expect(await gb18218TableOf(db)).toBe(defaultGb18218Table);
  });

  it('is the latest edition the device holds, whatever order they arrived in', async () => {
    const second = publishedEdition(ammoniaAt20);
    const third = publishedEdition((t) => {
      const ammonia = t.table1.find((r) => r.id === 't1-1');
      if (ammonia) ammonia.Q = 30;
    }, second.table);
    await db.gb18218Editions.bulkPut([third, second]);
    const table = await gb18218TableOf(db);
    expect(table.version).toMatchObject({ revision: 3, label: 'GB 18218-2018 / v3' });
    expect(table.table1.find((r) => r.id === 't1-1')?.Q).toBe(30);
  });
});
