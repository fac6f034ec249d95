// Penalty cases for the tests: a submitted inspection with the hazards a case is opened from,
// the case routes called as a device calls them, and the stored state a refusal must leave alone.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { PenaltyCase } from '../../domain/schemas/penalty-case';
import { penaltyCaseSchema } from '../../domain/schemas/penalty-case';
import type { DemoApp } from './demo-app';
import { bearer } from './demo-app';
import { FINISHED_AT, completeDraft } from './inspection-fixtures';
import type { Device, MutationInput } from './push-fixtures';
import { newFinding, push, upsert } from './push-fixtures';

/** Submits an inspection by `lead` with one hazard per entry of `hazards`; answers both. */
export async function submitHazards(
  t: DemoApp,
  lead: Device,
  coIds: string[],
  enterpriseId: string,
  hazards: Partial<Finding>[],
  overrides: Partial<Inspection> = {},
): Promise<{ inspection: Inspection; findings: Finding[] }> {
  const inspection = await completeDraft(t, lead, coIds, enterpriseId, overrides);
  const findings = hazards.map((h) => newFinding(inspection, h));
  const mutations: MutationInput[] = [
    upsert('inspection', inspection),
    ...findings.map((f) => upsert('finding', f)),
    upsert('inspection', { ...inspection, status: 'submitted', finishedAt: FINISHED_AT }, 0),
  ];
  const res = await push(t.app, lead, mutations);
  expect(res.results.map((r) => [r.status, r.error])).toEqual(
    mutations.map(() => ['applied', undefined]),
  );
  return { inspection, findings };
}

export function postCase(
  t: DemoApp,
  device: Device,
  path: string,
  body: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases${path}`,
    headers: { 'content-type': 'application/json', ...bearer(device.token) },
    payload: JSON.stringify(body),
  });
}

/** A call that must succeed: answers the case. */
export async function caseOk(
  t: DemoApp,
  device: Device,
  path: string,
  body: unknown,
): Promise<PenaltyCase> {
  const res = await postCase(t, device, path, body);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return penaltyCaseSchema.parse(res.json());
}

/** Every stored case and every register entry: what a refusal must leave as it was. */
export async function caseState(t: DemoApp): Promise<unknown[]> {
  const cases = await t.db.query(
    `SELECT id::text, version, status, data FROM penalty_cases ORDER BY id`,
  );
  const register = await t.db.query(
    `SELECT kind, sequence, number FROM document_register ORDER BY kind, sequence`,
  );
  const versions = await t.db.query(`SELECT version FROM sync_state`);
  return [cases, register, versions];
}

/** Expects the call refused with `status` and `code`, and nothing stored changed. */
export async function expectCaseRefused(
  t: DemoApp,
  call: () => Promise<LightMyRequestResponse>,
  status: number,
  code: string,
): Promise<void> {
  const before = await caseState(t);
  const res = await call();
  expect([res.statusCode, res.json<{ error: string }>().error], res.body).toEqual([status, code]);
  expect(await caseState(t)).toEqual(before);
}
