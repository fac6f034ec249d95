// The client of the GB 18218-2018 table's editions on the signed-in profile's server: the edition
// in force, the list of editions and publishing the next one (administrators). Online only; the
// device grades with the edition it pulled (db/repositories/gb18218-editions.ts).
import { z } from 'zod';
import type { Gb18218Table } from '../../../../../domain/data/gb18218-table';
import type { CurrentEdition, EditionSummary } from '../../../../../domain/schemas/gb18218-edition';
import {
  currentEditionResponseSchema,
  editionListResponseSchema,
  editionSummarySchema,
} from '../../../../../domain/schemas/gb18218-edition';
import type { HttpCore } from '../../../sync/http-core';
import { jsonBody } from '../../../sync/http-core';

export interface Gb18218Client {
  current(): Promise<CurrentEdition>;
  editions(): Promise<EditionSummary[]>;
  /** Publishes `table` as the edition after `baseRevision`; refused if that is not the latest. */
  publish(baseRevision: number, table: Gb18218Table, reason: string): Promise<EditionSummary>;
}

const publishedSchema = z.object({ edition: editionSummarySchema });

export function createGb18218Client(http: HttpCore): Gb18218Client {
  return {
    current: async () =>
      http.json(await http.request('/gb18218/edition'), currentEditionResponseSchema),
    editions: async () =>
      (await http.json(await http.request('/admin/gb18218/editions'), editionListResponseSchema))
        .editions,
    publish: async (baseRevision, table, reason) =>
      (
        await http.json(
          await http.request('/admin/gb18218/editions', {
            method: 'POST',
            body: jsonBody({ baseRevision, table, reason }),
          }),
          publishedSchema,
        )
      ).edition,
  };
}
