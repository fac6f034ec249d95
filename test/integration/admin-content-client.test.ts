// The app's administration client of templates and the enterprise registry against the real
// server: every call it makes is one the server accepts, and every answer parses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnterpriseInput } from '../../domain/schemas/enterprise';
import { enterpriseInputSchema } from '../../domain/schemas/enterprise';
import type { TemplateContent } from '../../domain/schemas/template';
import type { AdminContentClient } from '../../renderer/src/sync/admin-content-client';
import { createAdminContentClient } from '../../renderer/src/sync/admin-content-client';
import { createApiClient } from '../../renderer/src/sync/api-client';
import { ApiError } from '../../renderer/src/sync/errors';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, login } from '../support/demo-app';
import { badCheckCode, creditCode, csvBytes, row, xlsxBytes } from '../support/enterprise-sheets';
import { injectFetch } from '../support/inject-fetch';
import { databaseKinds } from '../support/test-databases';

const count = async (t: DemoApp, entity: string) => {
  const [row] = await t.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM records WHERE entity = $1',
    [entity],
  );
  return row?.n ?? 0;
};

const withDefect = (content: TemplateContent, defectText: string): TemplateContent => ({
  ...content,
  sections: content.sections.map((s, i) =>
    i === 0 ? { ...s, items: s.items.map((it, j) => (j === 0 ? { ...it, defectText } : it)) } : s,
  ),
});

describe.each(databaseKinds)(
  'the administration client of templates and enterprises on %s',
  (kind) => {
    let t: DemoApp;
    let admin: AdminContentClient;
    let token: string;
    beforeEach(async () => {
      t = await demoApp(kind);
      ({ token } = await login(t.app, 'admin'));
      const api = createApiClient({
        serverUrl: 'https://hq.test',
        token,
        fetch: injectFetch(() => t.app),
      });
      admin = createAdminContentClient(api.http);
    });
    afterEach(() => t.close());

    it('copies a template, saves the draft, publishes it, revises, diffs and retires it', async () => {
      const source = t.district.templates[0];
      if (!source) throw new Error('the demo district has no templates');
      const draft = await admin.copyTemplate(source.id, '本局检查表');
      expect(draft).toMatchObject({ revision: 1, lineageId: null, basedOn: source.id });
      expect(await admin.listDrafts()).toEqual([draft]);

      const saved = await admin.saveDraft(draft, withDefect(draft.content, '未设置报警装置'));
      expect(saved.revision).toBe(2);
      // A save that names a revision since overtaken is refused, and says so.
      await expect(admin.saveDraft(draft, draft.content)).rejects.toMatchObject({
        code: 'changed_since',
      });
      const diff = await admin.draftDiff(saved.id);
      expect(diff.same).toBe(false);

      const v1 = await admin.publishDraft(saved);
      expect(v1).toMatchObject({ edition: 1, status: 'published', title: '本局检查表' });
      expect(await admin.listDrafts()).toEqual([]);

      const next = await admin.reviseTemplate(v1.id);
      const v2 = await admin.publishDraft(
        await admin.saveDraft(next, { ...next.content, title: '本局检查表（2027）' }),
      );
      expect(v2).toMatchObject({ edition: 2, lineageId: v1.id });
      const between = await admin.templateDiff(v1.id, v2.id);
      expect(between.title).toEqual({ before: '本局检查表', after: '本局检查表（2027）' });

      await expect(admin.retireTemplate(v1.id)).rejects.toBeInstanceOf(ApiError);
      expect((await admin.retireTemplate(v2.id)).status).toBe('retired');

      const other = await admin.copyTemplate(source.id);
      await admin.discardDraft(other);
      expect(await admin.listDrafts()).toEqual([]);
    });

    it('creates, edits, closes and reopens an enterprise', async () => {
      const town = t.district.enterprises[0]?.town ?? '';
      const input: EnterpriseInput = enterpriseInputSchema.parse({
        name: '上虞试验化工有限公司',
        creditCode: creditCode(777),
        address: '试验路 1 号',
        town,
        lat: 30.05,
        lon: 120.8,
        industry: '精细化工',
        contacts: [{ name: '王明', title: '安全主管', phone: '13800000001' }],
        chemicals: [{ name: '液氨', cas: '7664-41-7', maxQuantityT: 20 }],
        peopleWithin500m: 120,
        track: 'cluster_upgrade',
        trackMilestones: [{ title: '完成搬迁', due: '2027-06-30', doneAt: null }],
      });
      const created = await admin.createEnterprise(input);
      expect(created).toMatchObject({ name: input.name, closure: null });
      const edited = await admin.updateEnterprise(created.id, created.version, {
        ...input,
        peopleWithin500m: 150,
      });
      expect(edited.peopleWithin500m).toBe(150);
      await expect(
        admin.updateEnterprise(created.id, created.version, input),
      ).rejects.toMatchObject({ code: 'changed_since' });
      const closed = await admin.closeEnterprise(edited.id, edited.version, {
        kind: 'shutdown',
        date: '2026-11-30',
      });
      expect(closed.closure).toEqual({ kind: 'shutdown', date: '2026-11-30' });
      expect((await admin.reopenEnterprise(closed.id, closed.version)).closure).toBeNull();
    });

    it('previews an import, is refused one with a bad row (nothing written), imports it fixed', async () => {
      const before = await count(t, 'enterprise');
      const rows = [
        row({ 统一社会信用代码: creditCode(901), 企业名称: '上虞甲化工有限公司' }),
        row({ 统一社会信用代码: badCheckCode(902), 企业名称: '上虞乙化工有限公司' }),
      ];
      const bad = csvBytes(rows) as Uint8Array<ArrayBuffer>;
      const preview = await admin.previewImport(bad);
      expect(preview.ok).toBe(false);
      expect(preview.counts).toMatchObject({ rows: 2, create: 1, invalid: 1 });
      expect(preview.rows[1]?.problems[0]?.code).toBe('creditCode.checkCharacter');
      await expect(admin.confirmImport(bad)).rejects.toMatchObject({ code: 'import_invalid' });
      expect(await count(t, 'enterprise')).toBe(before);

      rows[1] = row({ 统一社会信用代码: creditCode(902), 企业名称: '上虞乙化工有限公司' });
      const fixed = (await xlsxBytes(rows)) as Uint8Array<ArrayBuffer>;
      const done = await admin.confirmImport(fixed);
      expect(done.counts).toMatchObject({ rows: 2, create: 2, invalid: 0 });
      expect(await count(t, 'enterprise')).toBe(before + 2);

      const exported = await admin.exportRegistry('xlsx');
      const again = await admin.previewImport(exported);
      expect(again.ok).toBe(true);
      expect(again.counts.create + again.counts.update).toBe(0);
      const csv = new TextDecoder().decode(await admin.exportRegistry('csv'));
      expect(csv).toContain('上虞乙化工有限公司');
      const workbook = await admin.importTemplate();
      expect(String.fromCharCode(workbook[0] ?? 0, workbook[1] ?? 0)).toBe('PK');
    });

    it('knows the towns the district holds as records, a town added by the administrator too', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/towns',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        payload: JSON.stringify({ code: '330604120', name: '新镇', kind: 'town' }),
      });
      expect(res.statusCode, res.body).toBe(201);
      const file = csvBytes([
        row({
          统一社会信用代码: creditCode(903),
          企业名称: '新镇化工有限公司',
          '所属乡镇/街道': '新镇',
        }),
      ]) as Uint8Array<ArrayBuffer>;
      const preview = await admin.previewImport(file);
      expect(preview.rows[0]?.problems).toEqual([]);
      const done = await admin.confirmImport(file);
      expect(done.counts.create).toBe(1);
      const [stored] = await t.db.query<{ town: string }>(
        "SELECT data->>'town' AS town FROM records WHERE entity = 'enterprise' AND data->>'name' = $1",
        ['新镇化工有限公司'],
      );
      expect(stored?.town).toBe('330604120');
    });
  },
);
