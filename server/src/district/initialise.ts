// First-run setup: writes the district, its towns, its agencies, the first administrator and the
// statutory content in one transaction, on a database that holds no district yet. Anything
// refused leaves the database as it was.
import { v7 as uuidv7 } from 'uuid';
import type { Agency } from '../../../domain/schemas/agency';
import type { DistrictSetup } from '../../../domain/schemas/district';
import type { TownRecord } from '../../../domain/schemas/town';
import type { User } from '../../../domain/schemas/user';
import { recordAdminAction } from '../admin/audit-log';
import type { Database, Queryable } from '../db/database';
import { ensureBuiltInTemplatesIn } from '../statutory/built-in-templates';
import { writeRecords } from '../sync/record-store';
import { setPasswordHash } from '../users/user-store';
import { readDistrict, saveDistrict } from './district-store';

/** Why setup was refused: the database is in use already. */
export class AlreadyInitialised extends Error {}

/** Refuses a database that has a district, or holds agencies, users or towns already. */
export async function checkUninitialised(db: Queryable): Promise<void> {
  const district = await readDistrict(db);
  if (district) {
    throw new AlreadyInitialised(
      `The district is already set up (${district.name}, ${district.code}): init runs once. ` +
        'Add towns, agencies and users in the administration instead.',
    );
  }
  const [held] = await db.query<{ entities: string[] | null }>(
    `SELECT array_agg(DISTINCT entity) AS entities FROM records
     WHERE entity IN ('agency', 'user', 'town')`,
  );
  const entities = held?.entities ?? [];
  if (entities.length > 0) {
    throw new AlreadyInitialised(
      `The database already holds ${entities.sort().join(', ')} records: init is for a new ` +
        'installation (a database with demo data is not one).',
    );
  }
}

export interface Initialised {
  adminId: string;
  towns: number;
  agencies: number;
  builtInTemplates: number;
}

export async function initialiseDistrict(
  db: Database,
  setup: DistrictSetup,
  passwordHash: string,
  now: Date,
): Promise<Initialised> {
  const at = now.toISOString();
  const adminId = uuidv7();
  const base = { version: 0, updatedAt: at, deletedAt: null, createdBy: adminId };
  const towns: TownRecord[] = setup.towns.map((t) => ({ id: uuidv7(), ...base, ...t }));
  const agencies: Agency[] = setup.agencies.map((a) => ({ id: uuidv7(), ...base, ...a }));
  const ref = setup.admin.agency;
  const agency = agencies.find((a) => a.shortName === ref) ?? agencies.find((a) => a.name === ref);
  if (!agency) throw new Error('the setup schema checks the administrator names an agency');
  const admin: User = {
    id: adminId,
    ...base,
    username: setup.admin.username,
    displayName: setup.admin.displayName,
    role: 'admin',
    agencyId: agency.id,
    jurisdiction: towns.map((t) => t.code),
    certificateNo: null,
  };
  return db.transaction(async (tx) => {
    // Taken first, so that two setups at once run one after the other and the second is refused.
    await tx.query('SELECT version FROM sync_state FOR UPDATE');
    await checkUninitialised(tx);
    await saveDistrict(tx, setup.district, adminId, now);
    await writeRecords(tx, [
      ...towns.map((data) => ({ entity: 'town' as const, data })),
      ...agencies.map((data) => ({ entity: 'agency' as const, data })),
      { entity: 'user' as const, data: admin },
    ]);
    await setPasswordHash(tx, adminId, passwordHash, now);
    const templates = await ensureBuiltInTemplatesIn(tx, now);
    await recordAdminAction(
      tx,
      {
        actorId: adminId,
        action: 'district.init',
        targetKind: 'district',
        targetId: setup.district.code,
        after: { ...setup, admin: { ...setup.admin, id: adminId } },
      },
      now,
    );
    return {
      adminId,
      towns: towns.length,
      agencies: agencies.length,
      builtInTemplates: templates.size,
    };
  });
}
