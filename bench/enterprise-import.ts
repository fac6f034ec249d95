// Issue 16's import of 10,000 enterprises from a bureau's .xlsx workbook, on the embedded database
// as `npm start` runs it: the preview (read the file, check every row against the registry) and
// the confirmed atomic write (the record store's upsert with history and the audit entry). Each
// beside an anchor measured in the same run on the same data: reading the workbook alone with
// exceljs (the floor of any preview), and a bare bulk upsert of the same records into the records
// table in one transaction, with no checks, no history and no per-field versions.
import { v7 as uuidv7 } from 'uuid';
import { towns } from '../domain/data/towns';
import { TRACK_LABELS } from '../domain/rules/enterprise-sheet';
import type { SheetCell } from '../domain/rules/sheet-columns';
import { ENTERPRISE_COLUMNS } from '../domain/rules/enterprise-sheet';
import { usccCheckCharacter } from '../domain/rules/uscc';
import { tracks } from '../domain/schemas/enterprise';
import type { User } from '../domain/schemas/user';
import { confirmImport, previewImport } from '../server/src/admin/enterprise-import';
import { readWorkbookRows, writeWorkbook } from '../server/src/admin/sheet-workbook';
import type { Database } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrations';
import { openPgliteMemory } from '../server/src/db/pglite';
import { buildDemoDistrict } from '../server/src/seed/demo-district';
import { seedDistrict } from '../server/src/seed/seed-demo';
import type { BenchConfig } from './config';
import { createRng, intIn, pick } from './data/rng';
import { record } from './support/report';

const NOW = new Date('2026-11-29T08:00:00+08:00');
const CHEMICALS = [
  ['液氨', '7664-41-7'],
  ['甲醇', '67-56-1'],
  ['甲苯', '108-88-3'],
  ['硫酸', '7664-93-9'],
  ['氯气', '7782-50-5'],
  ['丙酮', '67-64-1'],
  ['乙酸乙酯', '141-78-6'],
  ['氢氧化钠', '1310-73-2'],
] as const;
const INDUSTRIES = ['染料颜料', '医药中间体', '涂料', '农药', '精细化工'];

/** A bureau's registry of `count` enterprises, every column filled, as a file would hold it. */
function registryRows(count: number): SheetCell[][] {
  const rng = createRng(16);
  return Array.from({ length: count }, (_, i) => {
    const first17 = `91330604${String(100_000 + i).padStart(8, '0')}X`;
    const chemicals = Array.from({ length: intIn(rng, 0, 4) }, () => pick(rng, CHEMICALS))
      .filter((c, j, all) => all.indexOf(c) === j)
      .map(([name, cas]) => `${name}（${cas}，${String(intIn(rng, 1, 500))}吨）`);
    const cells: Record<string, SheetCell> = {
      creditCode: first17 + usccCheckCharacter(first17),
      name: `上虞第${String(i + 1)}化工有限公司`,
      town: pick(rng, towns).nameZh,
      address: `工业区 ${String(intIn(rng, 1, 999))} 号`,
      industry: pick(rng, INDUSTRIES),
      lon: 120.7 + rng() * 0.3,
      lat: 29.9 + rng() * 0.2,
      peopleWithin500m: intIn(rng, 0, 3000),
      contacts: '王明（安全主管）；李华',
      phones: `138${String(intIn(rng, 10_000_000, 99_999_999))}；0575-82000000`,
      chemicals: chemicals.join('；'),
      track: TRACK_LABELS[pick(rng, tracks)],
      milestones: '完成搬迁（截止2020-12-31）',
      status: '在营',
      closedOn: '',
      mergedInto: '',
    };
    return ENTERPRISE_COLUMNS.map((c) => cells[c.key] ?? null);
  });
}

async function freshDistrict(): Promise<{ db: Database; admin: User }> {
  const db = await openPgliteMemory();
  await migrate(db);
  const district = buildDemoDistrict(NOW);
  await seedDistrict(db, district, NOW);
  const admin = district.users.find((u) => u.record.role === 'admin')?.record;
  if (!admin) throw new Error('the demo district has no administrator');
  return { db, admin };
}

const seconds = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
};

/** The anchor's write: the same enterprises upserted as bare rows, 500 a statement, one transaction. */
async function bareUpsert(db: Database, rows: SheetCell[][], adminId: string): Promise<void> {
  const at = NOW.toISOString();
  const records = rows.map((cells) => ({
    id: uuidv7(),
    town: towns[0]?.code,
    data: Object.fromEntries(ENTERPRISE_COLUMNS.map((c, i) => [c.key, cells[i]])),
  }));
  await db.transaction(async (tx) => {
    for (let start = 0; start < records.length; start += 500) {
      const batch = records.slice(start, start + 500).map((r, i) => ({
        ...r,
        version: start + i + 1_000_000,
        data: { ...r.data, id: r.id, updatedAt: at, deletedAt: null, createdBy: adminId },
      }));
      await tx.query(
        `INSERT INTO records (entity, id, version, town, data, updated_at, created_by)
         SELECT 'enterprise', id, version, town, data, $2::timestamptz, $3::uuid
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, version bigint, town text, data jsonb)
         ON CONFLICT (entity, id) DO UPDATE SET data = excluded.data, version = excluded.version`,
        [JSON.stringify(batch), at, adminId],
      );
    }
  });
}

export async function runImportBenchmark(config: BenchConfig): Promise<void> {
  const count = config.import.enterprises;
  const rows = registryRows(count);
  const headings = ENTERPRISE_COLUMNS.map((c) => c.heading);
  const numeric = new Set(
    ENTERPRISE_COLUMNS.flatMap((c, i) =>
      ['lon', 'lat', 'peopleWithin500m'].includes(c.key) ? [i] : [],
    ),
  );
  const bytes = await writeWorkbook([{ name: '企业名录', headings, numeric, rows }]);
  console.log(
    `  a workbook of ${count.toLocaleString('en')} enterprises, ${(bytes.length / 1e6).toFixed(1)} MB`,
  );

  const ours = await freshDistrict();
  // Once unmeasured, so that neither figure pays for loading and compiling the reader.
  await readWorkbookRows(bytes, '企业名录');
  const readAlone = await seconds(() => readWorkbookRows(bytes, '企业名录'));
  let creates = 0;
  const preview = await seconds(async () => {
    creates = (await previewImport(ours.db, bytes)).counts.create;
  });
  if (creates !== count)
    throw new Error(`the preview plans ${String(creates)} creations, not ${String(count)}`);
  record({
    benchmark: `Enterprise import (${count.toLocaleString('en')} rows)`,
    metric: 'preview: read, check every row, plan',
    unit: 's',
    value: preview,
    anchorName: 'exceljs reading the workbook alone',
    anchor: readAlone,
    ratio: readAlone / preview,
    target: null,
    pass: null,
  });

  let imported = false;
  const write = await seconds(async () => {
    imported = (await confirmImport(ours.db, ours.admin, bytes, NOW)).imported;
  });
  if (!imported) throw new Error('the import was refused');
  const [stored] = await ours.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM records WHERE entity = 'enterprise'",
  );
  await ours.db.close();

  const anchor = await freshDistrict();
  const bare = await seconds(() => bareUpsert(anchor.db, rows, anchor.admin.id));
  await anchor.db.close();
  record({
    benchmark: `Enterprise import (${count.toLocaleString('en')} rows)`,
    metric: 'confirmed import: read, check, atomic upsert with history and audit',
    unit: 's',
    value: write,
    anchorName: 'bare bulk upsert of the rows, one transaction',
    anchor: bare,
    ratio: bare / write,
    target: null,
    pass: null,
    note: `${String(stored?.n ?? 0)} enterprises stored after the import`,
  });
}
