import type { LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENTERPRISE_COLUMNS } from '../../domain/rules/enterprise-sheet';
import { UNIT_COLUMNS } from '../../domain/rules/enterprise-unit-sheet';
import { MAX_UNITS } from '../../domain/schemas/enterprise';
import type { Enterprise } from '../../domain/schemas/enterprise';
import { pullResponseSchema } from '../../domain/sync/protocol';
import { listAdminActions } from '../../server/src/admin/audit-log';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, errorBody, getAs, login } from '../support/demo-app';
import {
  HEADINGS,
  UNIT_HEADINGS,
  badCheckCode,
  creditCode,
  csvBytes,
  row,
  unitRow,
  xlsxBytes,
} from '../support/enterprise-sheets';
import { registryState as storedState } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE = '/api/v1/admin/enterprises';

interface PreviewBody {
  preview: {
    ok: boolean;
    counts: Record<string, number>;
    fileProblems: { column: string | null; code: string; message: string }[];
    rows: {
      row: number;
      action: string;
      changedFields: string[];
      problems: { column: string | null; code: string; message: string }[];
    }[];
  };
}

describe.each(databaseKinds)('enterprise import and export on %s', (kind) => {
  let t: DemoApp;
  let admin: string;
  let inspector: string;
  beforeEach(async () => {
    t = await demoApp(kind);
    admin = (await login(t.app, 'admin')).token;
    inspector = (await login(t.app, 'inspector.li')).token;
  });
  afterEach(() => t.close());

  const upload = (path: string, bytes: Uint8Array, token = admin, type = XLSX) =>
    t.app.inject({
      method: 'POST',
      url: `${BASE}/${path}`,
      headers: { ...bearer(token), 'content-type': type },
      payload: Buffer.from(bytes),
    });
  const preview = async (bytes: Uint8Array, type = XLSX) => {
    const res = await upload('import/preview', bytes, admin, type);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PreviewBody>().preview;
  };
  const exported = async (format: 'xlsx' | 'csv') => {
    const res = await getAs(t.app, `${BASE}/export?format=${format}`, admin);
    expect(res.statusCode, res.body).toBe(200);
    return new Uint8Array(res.rawPayload);
  };

  it('serves a template workbook with every column heading and a guide', async () => {
    const res = await getAs(t.app, `${BASE}/template`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [sheet, units, guide] = workbook.worksheets;
    expect(sheet?.name).toBe('企业名录');
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(HEADINGS);
    expect(units?.name).toBe('装置单元');
    expect((units?.getRow(1).values as unknown[]).slice(1)).toEqual(UNIT_HEADINGS);
    // A line per column of both sheets, the heading, and how the two sheets go together.
    expect(guide?.rowCount).toBe(ENTERPRISE_COLUMNS.length + UNIT_COLUMNS.length + 2);
  });

  it.each(['xlsx', 'csv'] as const)(
    'imports its own %s export as every row unchanged and writes nothing',
    async (format) => {
      const before = await storedState(t.db);
      const bytes = await exported(format);
      const shown = await preview(bytes, format === 'csv' ? 'text/csv' : XLSX);
      expect(shown.counts).toEqual({
        rows: t.district.enterprises.length,
        create: 0,
        update: 0,
        unchanged: t.district.enterprises.length,
        invalid: 0,
      });
      const res = await upload('import', bytes, admin, format === 'csv' ? 'text/csv' : XLSX);
      expect(res.statusCode, res.body).toBe(200);
      const after = await storedState(t.db);
      // Only the audit entry of the import itself is new.
      expect({ ...after, audit: before.audit }).toEqual(before);
      expect(after.audit).toBe((before.audit ?? 0) + 1);
    },
  );

  it('imports in one go: creates, updates by credit code, history, audit entry, and devices pull them', async () => {
    const existing = t.district.enterprises[0] as Enterprise;
    const [existingRow] = await exportedRows(existing.creditCode);
    const changed = HEADINGS.map((h, i) =>
      h === '周边500米内人数' ? 4321 : (existingRow?.[i] ?? null),
    );
    const bytes = await xlsxBytes([
      row({ 统一社会信用代码: creditCode(1), 企业名称: '新企业甲' }),
      changed,
      row({ 统一社会信用代码: creditCode(2), 企业名称: '新企业乙', '所属乡镇/街道': '330604101' }),
    ]);
    const before = await storedState(t.db);
    const res = await upload('import', bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<PreviewBody>().preview.rows.map((r) => [r.action, r.changedFields])).toEqual([
      ['create', []],
      ['update', ['peopleWithin500m']],
      ['create', []],
    ]);
    const after = await storedState(t.db);
    expect(after.records.length).toBe(before.records.length + 2);
    expect(after.history).toBe((before.history ?? 0) + 3);
    const updated = after.records.find((r) => r.id === existing.id);
    expect(updated?.data).toMatchObject({ peopleWithin500m: 4321, name: existing.name });
    expect(updated?.version).toBeGreaterThan(before.counter ?? 0);
    const [history] = await t.db.query<{ before: unknown; after: unknown; user_id: string }>(
      `SELECT before, after, user_id::text AS user_id FROM history
       WHERE entity = 'enterprise' AND id = $1::uuid ORDER BY version DESC LIMIT 1`,
      [existing.id],
    );
    expect(history).toMatchObject({
      before: { peopleWithin500m: existing.peopleWithin500m },
      after: { peopleWithin500m: 4321 },
    });
    const [entry] = await listAdminActions(t.db, { targetKind: 'import' });
    expect(entry).toMatchObject({
      action: 'enterprises.import',
      after: { created: [creditCode(1), creditCode(2)], updated: [existing.creditCode] },
    });
    // li's towns include 道墟街道 but not 章镇镇: she pulls the first new enterprise only.
    const pulled = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull?limit=1000',
      headers: bearer(inspector),
    });
    const names = pullResponseSchema
      .parse(pulled.json())
      .changes.filter((c) => c.entity === 'enterprise')
      .map((c) => (c.data as { name?: string } | null)?.name);
    expect(names).toContain('新企业甲');
    expect(names).not.toContain('新企业乙');
  });

  async function exportedRows(code: string) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('xlsx')) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return rows.filter((r) => r[0] === code) as (string | number | null)[][];
  }

  it('lists every bad row with its number and why, and a confirm stores nothing', async () => {
    const existing = t.district.enterprises[0] as Enterprise;
    const bytes = await xlsxBytes([
      row({ 统一社会信用代码: creditCode(1), 企业名称: '好企业' }),
      row({ 统一社会信用代码: badCheckCode(2), 企业名称: 'A' }),
      row({ 统一社会信用代码: creditCode(3), 企业名称: 'B', '所属乡镇/街道': '梁湖镇' }),
      row({
        统一社会信用代码: creditCode(4),
        企业名称: 'C',
        危险化学品: '液氨（7664-41-8，20吨）',
      }),
      row({ 统一社会信用代码: creditCode(5), 企业名称: 'D', 纬度: '北纬30度' }),
      row({ 统一社会信用代码: creditCode(6), 企业名称: 'E' }),
      row({ 统一社会信用代码: creditCode(6), 企业名称: 'F' }),
      row({ 统一社会信用代码: existing.creditCode, 企业名称: '别的公司' }),
    ]);
    const before = await storedState(t.db);
    const shown = await preview(bytes);
    expect(shown.rows.map((r) => [r.row, r.action, r.problems.map((p) => p.code)])).toEqual([
      [2, 'create', []],
      [3, 'invalid', ['creditCode.checkCharacter']],
      [4, 'invalid', ['town.unknown']],
      [5, 'invalid', ['cas.checkDigit']],
      [6, 'invalid', ['number.invalid']],
      [7, 'invalid', ['creditCode.duplicateInFile']],
      [8, 'invalid', ['creditCode.duplicateInFile']],
      [9, 'invalid', ['conflict.otherName']],
    ]);
    expect(shown.rows[7]?.problems[0]?.message).toBe(
      `企业名称: ${existing.creditCode} is registered as "${existing.name}", not "别的公司": a different enterprise, or rename it first`,
    );
    expect(shown.rows[2]?.problems[0]?.message).toBe(
      '所属乡镇/街道: "梁湖镇" is not a town of the district',
    );
    expect(await storedState(t.db)).toEqual(before);

    const res = await upload('import', bytes);
    expect(res.statusCode).toBe(422);
    const body = res.json<PreviewBody & { error: string }>();
    expect(body.error).toBe('import_invalid');
    expect(body.preview.counts).toMatchObject({ invalid: 7, create: 1 });
    expect(await storedState(t.db)).toEqual(before);
  });

  it('imports units from the 装置单元 sheet: a new enterprise’s and an existing one’s, replaced', async () => {
    const existing = t.district.enterprises[0] as Enterprise;
    const [existingRow] = await exportedRows(existing.creditCode);
    const chemicals = HEADINGS.indexOf('危险化学品');
    const bytes = await xlsxBytes(
      [
        row({ 统一社会信用代码: creditCode(1), 企业名称: '新企业甲', 危险化学品: '' }),
        (existingRow ?? []).map((c, i) => (i === chemicals ? '' : c)),
      ],
      HEADINGS,
      [
        unitRow({
          单元名称: '一号罐区',
          单元类型: '储罐区',
          化学品名称: '液氨',
          CAS号: '7664-41-7',
          '最大存量（吨）': 12,
        }),
        unitRow({ 单元名称: '仓库', 单元类型: '库区', 单元周边500米内人数: 30 }),
        unitRow({
          统一社会信用代码: existing.creditCode,
          单元名称: '溶剂库',
          单元类型: '库区',
          化学品名称: '某溶剂',
          危险性类别: '易燃液体：类别2',
          '最大存量（吨）': 40,
        }),
      ],
    );
    const res = await upload('import', bytes);
    expect(res.statusCode, res.body).toBe(200);
    const after = await storedState(t.db);
    const created = after.records.find((r) => (r.data as Enterprise).creditCode === creditCode(1));
    expect((created?.data as Enterprise).units).toEqual([
      {
        kind: 'storageTankFarm',
        name: '一号罐区',
        holdings: [{ name: '液氨', cas: '7664-41-7', classes: [], maxQuantityT: 12 }],
      },
      { kind: 'warehouse', name: '仓库', peopleWithin500m: 30, holdings: [] },
    ]);
    const updated = after.records.find((r) => r.id === existing.id);
    expect((updated?.data as Enterprise).units).toEqual([
      {
        kind: 'warehouse',
        name: '溶剂库',
        holdings: [
          {
            name: '某溶剂',
            classes: [{ class: 'flammableLiquid', category: '2' }],
            maxQuantityT: 40,
          },
        ],
      },
    ]);
  });

  it('refuses bad 装置单元 rows, naming sheet, row and column, and a confirm stores nothing', async () => {
    const tooMany = Array.from({ length: MAX_UNITS + 1 }, (_, i) =>
      unitRow({ 统一社会信用代码: creditCode(2), 单元名称: `单元${i}` }),
    );
    const bytes = await xlsxBytes(
      [
        row({ 统一社会信用代码: creditCode(1), 企业名称: '甲', 危险化学品: '' }),
        row({ 统一社会信用代码: creditCode(2), 企业名称: '乙', 危险化学品: '' }),
      ],
      HEADINGS,
      [
        unitRow({
          单元名称: 'A',
          化学品名称: '某物',
          危险性类别: '神秘危险：类别1',
          '最大存量（吨）': 1,
        }),
        unitRow({ 单元名称: 'A', 化学品名称: '液氨', CAS号: '7664-41-8', '最大存量（吨）': 1 }),
        unitRow({ 单元名称: 'A', 化学品名称: '液氨', CAS号: '7664-41-7', '最大存量（吨）': -5 }),
        ...tooMany,
      ],
    );
    const before = await storedState(t.db);
    const shown = await preview(bytes);
    expect(shown.ok).toBe(false);
    expect(shown.rows.map((r) => r.problems.map((p) => p.message))).toEqual([
      [
        '装置单元, row 2, 危险性类别: "神秘危险：类别1" names no GHS hazard class; write it as 易燃液体：类别2',
        '装置单元, row 3, CAS号: the CAS number "7664-41-8" of 液氨 has a wrong check digit',
        '装置单元, row 4, 最大存量（吨）: -5 is outside 0 to 10000000',
      ],
      [`装置单元, row ${MAX_UNITS + 5}, 单元名称: the enterprise has more than ${MAX_UNITS} units`],
    ]);
    const res = await upload('import', bytes);
    expect(res.statusCode).toBe(422);
    expect(await storedState(t.db)).toEqual(before);
  });

  it('reads a CSV saved by Excel in GB18030, and one in UTF-8 without a byte-order mark', async () => {
    const utf8 = csvBytes([row({ 企业名称: '国标编码企业' })]).subarray(3);
    // GB18030 bytes of the same file, made by a decoder's inverse: every character is encoded
    // through a lookup of the decoder over the two-byte range.
    const text = new TextDecoder().decode(utf8);
    const gb = encodeGb18030(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    for (const bytes of [utf8, gb]) {
      const shown = await preview(bytes, 'text/csv');
      expect(shown.rows[0]).toMatchObject({ action: 'create', problems: [] });
    }
  });

  it('refuses a file without a required column or that is no file, storing nothing', async () => {
    const before = await storedState(t.db);
    const noTown = await xlsxBytes(
      [row({}).filter((_, i) => HEADINGS[i] !== '所属乡镇/街道')],
      HEADINGS.filter((h) => h !== '所属乡镇/街道'),
    );
    const shown = await preview(noTown);
    expect(shown.fileProblems.map((p) => p.message)).toEqual([
      '所属乡镇/街道: column is missing from the file',
    ]);
    expect((await upload('import', noTown)).statusCode).toBe(422);
    const broken = await upload('import', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken.statusCode).toBe(400);
    expect(errorBody(broken).error).toBe('unreadable_file');
    const empty = await upload('import/preview', new Uint8Array(0), admin, 'text/csv');
    expect(empty.statusCode).toBe(400);
    const json = await t.app.inject({
      method: 'POST',
      url: `${BASE}/import`,
      headers: { ...bearer(admin), 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(json.statusCode).toBe(415);
    expect(await storedState(t.db)).toEqual(before);
  });

  it('refuses everyone but an administrator, storing nothing', async () => {
    const before = await storedState(t.db);
    const bytes = await xlsxBytes([row({})]);
    const refused: LightMyRequestResponse[] = [
      await upload('import', bytes, inspector),
      await upload('import/preview', bytes, inspector),
      await getAs(t.app, `${BASE}/export`, inspector),
      await getAs(t.app, `${BASE}/template`, inspector),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(errorBody(res).error).toBe('admin_only');
    }
    expect((await upload('import', bytes, 'not-a-token')).statusCode).toBe(401);
    expect(await storedState(t.db)).toEqual(before);
  });
});

/** Text as GB18030 bytes: ASCII as is, every other character by searching the decoder's table. */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 form for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
