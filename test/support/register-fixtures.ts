// Submissions for the document register's tests: a complete inspection with some hazards,
// submitted in one batch as the app sends it, and the register read back.
import { expect } from 'vitest';
import type { Inspection } from '../../domain/schemas/inspection';
import type { Queryable } from '../../server/src/db/database';
import type { DemoApp } from './demo-app';
import { FINISHED_AT, completeDraft } from './inspection-fixtures';
import type { Device, MutationInput } from './push-fixtures';
import { newFinding, push, upsert } from './push-fixtures';

export interface RegisterRow {
  agency_id: string;
  kind: string;
  year: number;
  sequence: number;
  number: string;
  inspection_id: string;
}

/** The whole register, by agency, kind, year and sequence. */
export function readRegister(db: Queryable): Promise<RegisterRow[]> {
  return db.query<RegisterRow>(
    `SELECT agency_id::text AS agency_id, kind, year, sequence, number,
       inspection_id::text AS inspection_id
     FROM document_register ORDER BY agency_id, kind, year, sequence`,
  );
}

/** A complete inspection at `enterpriseId` with `hazards` hazards: the batch that submits it. */
export async function submissionBatch(
  t: DemoApp,
  lead: Device,
  coIds: string[],
  enterpriseId: string,
  hazards: number,
  overrides: Partial<Inspection> = {},
) {
  const draft = await completeDraft(t, lead, coIds, enterpriseId, overrides);
  const findings = Array.from({ length: hazards }, () => newFinding(draft));
  const mutations: MutationInput[] = [
    upsert('inspection', draft),
    ...findings.map((f) => upsert('finding', f)),
    upsert(
      'inspection',
      { ...draft, status: 'submitted', finishedAt: overrides.finishedAt ?? FINISHED_AT },
      0,
    ),
  ];
  return { draft, findings, mutations };
}

/** Submits such an inspection and expects every mutation applied; answers the draft. */
export async function submitWithHazards(
  t: DemoApp,
  lead: Device,
  coIds: string[],
  enterpriseId: string,
  hazards: number,
  overrides?: Partial<Inspection>,
): Promise<Inspection> {
  const batch = await submissionBatch(t, lead, coIds, enterpriseId, hazards, overrides);
  const res = await push(t.app, lead, batch.mutations);
  expect(res.results.map((r) => [r.status, r.error])).toEqual(
    batch.mutations.map(() => ['applied', undefined]),
  );
  return batch.draft;
}
