// The demo district exactly as the HQ server builds it, loaded into a test profile's local
// database the way a full pull leaves it, on the fixed day the integration tests use too.
import { todayInChina } from '../../../../domain/rules/calendar-date';
import type { Profile } from '../../../../renderer/src/session/profile';
import { buildDemoDistrict } from '../../../../server/src/seed/demo-district';
import type { DemoDistrict } from '../../../../server/src/seed/demo-district';

/** The same instant as the integration tests' TEST_NOW: screens and database counts agree. */
export const DEMO_NOW = new Date('2026-11-29T08:00:00+08:00');
export const DEMO_TODAY = todayInChina(DEMO_NOW);

export async function loadDemoDistrict(profile: Profile): Promise<DemoDistrict> {
  const district = buildDemoDistrict(DEMO_NOW);
  const { db } = profile;
  await db.transaction(
    'rw',
    [db.towns, db.agencies, db.users, db.enterprises, db.templates, db.inspections, db.findings],
    async () => {
      await db.towns.bulkPut(district.towns);
      await db.agencies.bulkPut(district.agencies);
      await db.users.bulkPut(district.users.map((u) => u.record));
      await db.enterprises.bulkPut(district.enterprises);
      await db.templates.bulkPut(district.templates);
      await db.inspections.bulkPut(district.inspections);
      await db.findings.bulkPut(district.findings);
    },
  );
  return district;
}
