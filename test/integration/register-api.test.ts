// The register as its readers get it: GET /register lists the numbers a user may see (their own
// agency's register for their towns; an administrator every one) with search by number,
// enterprise, kind and issuing day, and GET /register/export.xlsx the same entries as a workbook.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection } from '../../domain/schemas/inspection';
import type { RegisterEntry } from '../../domain/sync/register-api';
import { registerListResponseSchema } from '../../domain/sync/register-api';
import { createApiClient } from '../../renderer/src/sync/api-client';
import type { DemoApp } from '../support/demo-app';
import { demoApp, errorBody, getAs } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { enterpriseFor, signInAll } from '../support/push-fixtures';
import { submitWithHazards } from '../support/register-fixtures';
import { injectFetch } from '../support/inject-fetch';
import { databaseKinds } from '../support/test-databases';

const ZONE = '330604400';

describe.each(databaseKinds)('the register API on %s', (kind) => {
  let t: DemoApp;
  let d: Record<'li' | 'chen' | 'wang' | 'zhao' | 'admin' | 'safety', Device>;
  /** li's two zone inspections (one with hazards), chen's in the zone, wang's in his town. */
  let liFirst: Inspection;
  let liSecond: Inspection;
  let chens: Inspection;
  let wangs: Inspection;
  let zoneEnterprise: { id: string; name: string; creditCode: string };

  beforeAll(async () => {
    t = await demoApp(kind);
    d = await signInAll(t.app, t.district, {
      li: 'inspector.li',
      chen: 'inspector.chen',
      wang: 'inspector.wang',
      zhao: 'inspector.zhao',
      admin: 'admin',
      safety: 'supervisor.safety',
    });
    const zone = t.district.enterprises.find((e) => e.town === ZONE);
    if (!zone) throw new Error('no enterprise in the zone');
    zoneEnterprise = zone;
    liFirst = await submitWithHazards(t, d.li, [d.wang.userId], zone.id, 1);
    liSecond = await submitWithHazards(t, d.li, [d.wang.userId], zone.id, 0, {
      finishedAt: '2026-11-27T10:00:00.000+08:00',
      startedAt: '2026-11-27T09:00:00.000+08:00',
    });
    chens = await submitWithHazards(t, d.chen, [d.zhao.userId], zone.id, 0);
    wangs = await submitWithHazards(
      t,
      d.wang,
      [d.li.userId],
      enterpriseFor(t.district, 'inspector.wang'),
      0,
    );
  });
  afterAll(() => t.close());

  async function list(device: Device, query = ''): Promise<RegisterEntry[]> {
    const res = await getAs(t.app, `/api/v1/register${query}`, device.token);
    expect(res.statusCode, res.body).toBe(200);
    return registerListResponseSchema.parse(res.json()).entries;
  }
  const numbers = (entries: RegisterEntry[]) => entries.map((e) => e.number);

  it('lists each user their own agency’s numbers for their towns, an administrator all', async () => {
    const li = await list(d.li);
    expect(li.map((e) => [e.inspectionId, e.kind])).toEqual([
      [liFirst.id, 'record'],
      [liFirst.id, 'order'],
      [liSecond.id, 'record'],
    ]);
    const [first] = li;
    expect(first).toMatchObject({
      number: '上虞应急检记〔2026〕第0001号',
      agencyName: '上虞区应急管理局',
      issuedOn: '2026-11-29',
      enterpriseId: zoneEnterprise.id,
      enterpriseName: zoneEnterprise.name,
      officers: [
        { id: d.li.userId, name: '李明' },
        { id: d.wang.userId, name: '王磊' },
      ],
    });
    // chen's is the environment bureau's; wang's is outside li's towns (though she took part).
    expect(li.map((e) => e.inspectionId)).not.toContain(chens.id);
    expect(li.map((e) => e.inspectionId)).not.toContain(wangs.id);
    expect((await list(d.chen)).map((e) => e.inspectionId)).toEqual([chens.id]);
    expect((await list(d.wang)).map((e) => e.inspectionId)).toEqual([wangs.id]);
    expect((await list(d.zhao)).map((e) => e.inspectionId)).toEqual([]);
    expect(new Set((await list(d.safety)).map((e) => e.inspectionId))).toEqual(
      new Set([liFirst.id, liSecond.id, wangs.id]),
    );
    expect(await list(d.admin)).toHaveLength(5);
  });

  it('searches by number, enterprise, kind and issuing day, and pages', async () => {
    expect(numbers(await list(d.admin, `?number=${encodeURIComponent('责改〔2026〕')}`))).toEqual([
      '上虞应急责改〔2026〕第0001号',
    ]);
    expect(await list(d.admin, '?number=%25')).toEqual([]);
    const inZone = await list(d.admin, `?enterprise=${encodeURIComponent(zoneEnterprise.name)}`);
    expect(new Set(inZone.map((e) => e.inspectionId))).toEqual(
      new Set([liFirst.id, liSecond.id, chens.id]),
    );
    expect(
      await list(d.admin, `?enterprise=${zoneEnterprise.creditCode.toLowerCase()}`),
    ).toHaveLength(4);
    expect((await list(d.li, '?kind=order')).map((e) => e.inspectionId)).toEqual([liFirst.id]);
    expect((await list(d.li, '?to=2026-11-28')).map((e) => e.inspectionId)).toEqual([liSecond.id]);
    expect((await list(d.li, '?from=2026-11-28&kind=record')).map((e) => e.inspectionId)).toEqual([
      liFirst.id,
    ]);
    const page = await getAs(t.app, '/api/v1/register?limit=2&offset=2', d.admin.token);
    expect(page.json<{ total: number; entries: unknown[] }>()).toMatchObject({ total: 5 });
    expect(page.json<{ entries: unknown[] }>().entries).toHaveLength(2);
    const past = await getAs(t.app, '/api/v1/register?limit=2&offset=10', d.admin.token);
    expect(past.json()).toEqual({ entries: [], total: 5 });
  });

  it('refuses a bad search with a message naming it, and anyone not signed in', async () => {
    for (const query of ['?from=2026-11-29&to=2026-11-01', '?kind=penalty', '?limit=0', '?x=1']) {
      const res = await getAs(t.app, `/api/v1/register${query}`, d.li.token);
      expect(res.statusCode, query).toBe(400);
      expect(errorBody(res).issues?.length, query).toBeGreaterThan(0);
    }
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/register' });
    expect(res.statusCode).toBe(401);
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/register/export.xlsx' });
    expect(xlsx.statusCode).toBe(401);
  });

  it('exports what the list shows as an Excel workbook, headed in the language asked', async () => {
    for (const [lang, heading, kindName] of [
      ['zh-CN', '文书编号', '现场检查记录'],
      ['en', 'Number', 'On-site inspection record'],
    ] as const) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/register/export.xlsx?lang=${lang}`,
        headers: { authorization: `Bearer ${d.li.token}` },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      expect(sheet.getRow(1).getCell(1).value).toBe(heading);
      const rows = sheet.getSheetValues().slice(2) as unknown[][];
      expect(rows.map((r) => r[1])).toEqual(numbers(await list(d.li)));
      expect(rows[0]?.[2]).toBe(kindName);
      expect(rows[0]?.[5]).toBe(1);
      expect((rows[0]?.[6] as Date).toISOString().slice(0, 10)).toBe('2026-11-29');
    }
  });

  it('is what the app’s client reads and exports', async () => {
    const client = createApiClient({
      serverUrl: 'https://hq.test',
      token: d.li.token,
      fetch: injectFetch(() => t.app),
    });
    const page = await client.listRegister({ kind: 'record', number: '', limit: 1 });
    expect(page.total).toBe(2);
    expect(page.entries.map((e) => e.inspectionId)).toEqual([liFirst.id]);
    const bytes = await client.exportRegister({ kind: 'order' }, 'en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);
    const rows = workbook.worksheets[0]?.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r[1])).toEqual(['上虞应急责改〔2026〕第0001号']);
  });
});
