// The demo district (Shangyu, Shaoxing): agencies, accounts, enterprises, checklist templates and
// a history of inspections and findings, built deterministically from `now`. Inserting it into a
// database is the seeder's job; this module only builds the records.
import type { Agency } from '../../../domain/schemas/agency';
import type { Enterprise } from '../../../domain/schemas/enterprise';
import type { Finding } from '../../../domain/schemas/finding';
import type { Inspection } from '../../../domain/schemas/inspection';
import type { ChecklistTemplate } from '../../../domain/schemas/template';
import type { TownRecord } from '../../../domain/schemas/town';
import type { User } from '../../../domain/schemas/user';
import { buildEnterprises } from './demo-district-enterprises';
import { buildHistory } from './demo-district-history';
import { buildPeople } from './demo-district-people';
import { districtClock } from './demo-district-random';
import { buildTemplates } from './demo-district-templates';
import { buildTowns } from './demo-district-towns';

export { DEMO_PASSWORD } from './demo-district-people';

export interface DemoDistrict {
  towns: TownRecord[];
  agencies: Agency[];
  users: { record: User; password: string }[];
  enterprises: Enterprise[];
  templates: ChecklistTemplate[];
  inspections: Inspection[];
  findings: Finding[];
}

/**
 * Builds the demo district as of `now`. The same `now` gives identical output; ids of agencies,
 * users, enterprises and templates do not depend on `now` at all. Every record has version 0 and
 * is created by the admin; inspections name their template's version as 0 too, so a seeder that
 * assigns versions must carry the template's assigned version over to `templateVersion`.
 */
export function buildDemoDistrict(now: Date): DemoDistrict {
  const clock = districtClock(now);
  const people = buildPeople(clock);
  const templates = buildTemplates(clock, people.adminId);
  const enterprises = buildEnterprises(clock, people.adminId);
  const history = buildHistory(clock, people, enterprises, templates);
  return {
    towns: buildTowns(clock, people.adminId),
    agencies: people.agencies,
    users: people.users,
    enterprises,
    templates: [templates.major.record, templates.safety.record, templates.environment.record],
    inspections: history.inspections,
    findings: history.findings,
  };
}
