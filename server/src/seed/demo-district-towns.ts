// The demo district's towns as records: Shangyu's sub-districts, towns and development zone
// (domain/data/towns.ts), with ids that do not depend on `now`.
import { demoTownKind, towns } from '../../../domain/data/towns';
import type { TownRecord } from '../../../domain/schemas/town';
import type { DistrictClock } from './demo-district-random';
import { DAY, iso, localInstant, rngFor, uuidV7 } from './demo-district-random';

export function buildTowns(clock: DistrictClock, adminId: string): TownRecord[] {
  const idRng = rngFor('ids/towns');
  return towns.map((t, i) => ({
    id: uuidV7(localInstant('2017-01-02', 9, i), idRng),
    version: 0,
    updatedAt: iso(clock.nowMs - 200 * DAY),
    deletedAt: null,
    createdBy: adminId,
    code: t.code,
    name: t.nameZh,
    nameEn: t.nameEn,
    kind: demoTownKind(t.code),
  }));
}
