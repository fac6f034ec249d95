import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templatesInUse } from '../../domain/rules/template-versions';
import type { TemplateDiff } from '../../domain/rules/template-versions';
import type { ChecklistTemplate, TemplateContent } from '../../domain/schemas/template';
import { templateSchema } from '../../domain/schemas/template';
import { pullResponseSchema } from '../../domain/sync/protocol';
import { listAdminActions } from '../../server/src/admin/audit-log';
import type { TemplateDraft } from '../../server/src/admin/template-drafts';
import type { Queryable } from '../../server/src/db/database';
import { writeRecords } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, errorBody, login } from '../support/demo-app';
import { FINISHED_AT, completeDraft, storedInspection } from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import { enterpriseFor, push, signIn, upsert, userIdOf } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

const API = '/api/v1/admin';

/** Everything the template lifecycle could change. */
async function storedState(db: Queryable) {
  const templates = await db.query<{ id: string; version: number; data: unknown }>(
    "SELECT id::text AS id, version, data FROM records WHERE entity = 'template' ORDER BY id",
  );
  const drafts = await db.query('SELECT * FROM template_drafts ORDER BY id');
  const [counter] = await db.query<{ version: number }>('SELECT version FROM sync_state');
  const [audit] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_actions');
  return { templates, drafts, counter: counter?.version, audit: audit?.n };
}

describe.each(databaseKinds)('the lifecycle of checklist templates on %s', (kind) => {
  let t: DemoApp;
  let admin: string;
  let li: Device;
  let builtIn: ChecklistTemplate;
  beforeEach(async () => {
    t = await demoApp(kind);
    admin = (await login(t.app, 'admin')).token;
    li = await signIn(t.app, t.district, 'inspector.li');
    // Statutory content ships marked built-in (the district's setup does this); here, by hand.
    const major = t.district.templates.find((tpl) => tpl.title.includes('重大'));
    if (!major) throw new Error('the demo district has no major-hazard criteria');
    const [row] = await t.db.query<{ data: unknown }>(
      "SELECT data FROM records WHERE entity = 'template' AND id = $1::uuid",
      [major.id],
    );
    const [written] = await t.db.transaction((tx) =>
      writeRecords(tx, [
        { entity: 'template', data: { ...templateSchema.parse(row?.data), builtIn: true } },
      ]),
    );
    builtIn = templateSchema.parse(written?.data);
  });
  afterEach(() => t.close());

  const send = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, token = admin) =>
    t.app.inject({
      method,
      url: `${API}${url}`,
      headers: {
        ...bearer(token),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  const ok = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
    const res = await send(method, url, body);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<T>();
  };
  const templateRow = async (id: string) => {
    const [row] = await t.db.query<{ version: number; data: ChecklistTemplate }>(
      "SELECT version, data FROM records WHERE entity = 'template' AND id = $1::uuid",
      [id],
    );
    return row;
  };
  const withItem = (content: TemplateContent, id: string, text: string): TemplateContent => ({
    ...content,
    sections: content.sections.map((s, i) =>
      i === 0 ? { ...s, items: [...s.items, { id, text, legalBasis: '《安全生产法》' }] } : s,
    ),
  });
  /** Copies the built-in criteria, edits and publishes the copy: version 1 of a checklist. */
  const publishOwn = async () => {
    const { draft } = await ok<{ draft: TemplateDraft }>('POST', `/templates/${builtIn.id}/copy`, {
      title: '本局重大隐患检查表',
    });
    const first = draft.content.sections[0]?.items[0];
    const content: TemplateContent = {
      ...draft.content,
      sections: draft.content.sections.map((s, i) =>
        i === 0
          ? {
              ...s,
              items: s.items.map((item) =>
                item.id === first?.id ? { ...item, defectText: '主要负责人未依法考核合格' } : item,
              ),
            }
          : s,
      ),
    };
    const edited = await ok<{ draft: TemplateDraft }>('PUT', `/template-drafts/${draft.id}`, {
      revision: 1,
      content,
    });
    expect(edited.draft.revision).toBe(2);
    return (
      await ok<{ template: ChecklistTemplate }>('POST', `/template-drafts/${draft.id}/publish`, {
        revision: 2,
      })
    ).template;
  };
  const pulledTemplates = async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull?limit=1000',
      headers: bearer(li.token),
    });
    return pullResponseSchema
      .parse(res.json())
      .changes.filter((c) => c.entity === 'template' && c.data)
      .map((c) => templateSchema.parse(c.data));
  };

  it('copies a built-in checklist, publishes it, publishes version 2, and an inspection keeps version 1', async () => {
    const v1 = await publishOwn();
    expect(v1).toMatchObject({
      edition: 1,
      lineageId: v1.id,
      status: 'published',
      builtIn: false,
      title: '本局重大隐患检查表',
    });
    expect(v1.sections[0]?.items[0]?.defectText).toBe('主要负责人未依法考核合格');
    const v1Stored = await templateRow(v1.id);

    // li starts an inspection with version 1 (the app's draft names its id and version).
    t.district.templates.push(v1);
    const wang = userIdOf(t.district, 'inspector.wang');
    const draft = await completeDraft(t, li, [wang], enterpriseFor(t.district, 'inspector.li'), {
      templateId: v1.id,
      templateVersion: v1.version,
      templateRefs: [{ id: v1.id, version: v1.version }],
    });
    await push(t.app, li, [upsert('inspection', draft)]);

    // Version 2 is published meanwhile, with an item more.
    const { draft: next } = await ok<{ draft: TemplateDraft }>(
      'POST',
      `/templates/${v1.id}/revise`,
    );
    expect(next.lineageId).toBe(v1.id);
    await ok('PUT', `/template-drafts/${next.id}`, {
      revision: 1,
      content: withItem(next.content, 'own-new-1', '新增条目：开展安全风险辨识'),
    });
    const preview = await ok<{ diff: TemplateDiff }>('GET', `/template-drafts/${next.id}/diff`);
    expect(preview.diff.itemsAdded.map((a) => a.item.id)).toEqual(['own-new-1']);
    const { template: v2 } = await ok<{ template: ChecklistTemplate }>(
      'POST',
      `/template-drafts/${next.id}/publish`,
      { revision: 2 },
    );
    expect(v2).toMatchObject({ edition: 2, lineageId: v1.id });
    expect(v2.id).not.toBe(v1.id);

    // Version 1 is exactly as it was; the inspection still names it, and the server checks its
    // submission against version 1's items (version 2's new item is not answered).
    expect(await templateRow(v1.id)).toEqual(v1Stored);
    const stored = await storedInspection(t, draft.id);
    expect(stored.data).toMatchObject({ templateId: v1.id, templateVersion: v1.version });
    const submitted = await push(t.app, li, [
      upsert(
        'inspection',
        { ...stored.data, status: 'submitted', finishedAt: FINISHED_AT },
        stored.version,
      ),
    ]);
    expect(submitted.results.map((r) => [r.status, r.error])).toEqual([['applied', undefined]]);
    expect((await storedInspection(t, draft.id)).data.templateId).toBe(v1.id);

    // The device holds both versions and offers version 2 for new inspections.
    const pulled = await pulledTemplates();
    expect(pulled.map((p) => p.id)).toEqual(expect.arrayContaining([v1.id, v2.id]));
    const offered = templatesInUse(pulled).map((p) => p.id);
    expect(offered).toContain(v2.id);
    expect(offered).not.toContain(v1.id);

    const { diff } = await ok<{ diff: TemplateDiff }>('GET', `/templates/${v1.id}/diff/${v2.id}`);
    expect(diff.itemsAdded.map((a) => a.item.id)).toEqual(['own-new-1']);
    expect(diff.itemsChanged).toEqual([]);

    // Retired, the checklist is offered no more.
    const { template: retired } = await ok<{ template: ChecklistTemplate }>(
      'POST',
      `/templates/${v2.id}/retire`,
    );
    expect(retired.status).toBe('retired');
    expect(templatesInUse(await pulledTemplates()).map((p) => p.id)).not.toContain(v2.id);

    const actions = (await listAdminActions(t.db, { targetKind: 'template' }))
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'template.copy',
      'template.editDraft',
      'template.publish',
      'template.revise',
      'template.editDraft',
      'template.publish',
      'template.retire',
    ]);
  });

  it('refuses to change a built-in checklist, storing nothing', async () => {
    const before = await storedState(t.db);
    for (const url of [`/templates/${builtIn.id}/revise`, `/templates/${builtIn.id}/retire`]) {
      const res = await send('POST', url);
      expect([res.statusCode, errorBody(res).error], url).toEqual([409, 'built_in_read_only']);
    }
    expect(await storedState(t.db)).toEqual(before);
  });

  it('refuses what would break a version’s history, storing nothing', async () => {
    const v1 = await publishOwn();
    const { draft } = await ok<{ draft: TemplateDraft }>('POST', `/templates/${v1.id}/revise`);
    const before = await storedState(t.db);
    const refused: [string, Awaited<ReturnType<typeof send>>, number, string][] = [
      ['a second draft', await send('POST', `/templates/${v1.id}/revise`), 409, 'draft_exists'],
      [
        'a stale edit',
        await send('PUT', `/template-drafts/${draft.id}`, { revision: 7, content: draft.content }),
        409,
        'changed_since',
      ],
      [
        'an item id used twice',
        await send('PUT', `/template-drafts/${draft.id}`, {
          revision: 1,
          content: withItem(draft.content, draft.content.sections[0]?.items[0]?.id ?? '', '重复'),
        }),
        400,
        'invalid_template',
      ],
      [
        'a stale publication',
        await send('POST', `/template-drafts/${draft.id}/publish`, { revision: 2 }),
        409,
        'changed_since',
      ],
      [
        'an item without legal basis',
        await send('PUT', `/template-drafts/${draft.id}`, {
          revision: 1,
          content: {
            ...draft.content,
            sections: [{ title: '新', items: [{ id: 'x-1', text: '条目', legalBasis: '' }] }],
          },
        }),
        400,
        'invalid_body',
      ],
      [
        'an unknown template',
        await send('POST', '/templates/0190f5a6-0000-7000-8000-0000000000ff/copy', {}),
        404,
        'not_found',
      ],
    ];
    for (const [what, res, status, code] of refused) {
      expect([res.statusCode, errorBody(res).error], what).toEqual([status, code]);
    }
    expect(await storedState(t.db)).toEqual(before);

    // Retired meanwhile, the checklist takes no new version; retired once, not twice.
    await ok('POST', `/templates/${v1.id}/retire`);
    const retired = await storedState(t.db);
    const publish = await send('POST', `/template-drafts/${draft.id}/publish`, { revision: 1 });
    expect([publish.statusCode, errorBody(publish).error]).toEqual([409, 'template_retired']);
    const again = await send('POST', `/templates/${v1.id}/retire`);
    expect([again.statusCode, errorBody(again).error]).toEqual([409, 'already_retired']);
    expect(await storedState(t.db)).toEqual(retired);
  });

  it('refuses an older version as the start of the next one, storing nothing', async () => {
    const v1 = await publishOwn();
    const { draft } = await ok<{ draft: TemplateDraft }>('POST', `/templates/${v1.id}/revise`);
    await ok('POST', `/template-drafts/${draft.id}/publish`, { revision: 1 });
    const before = await storedState(t.db);
    const res = await send('POST', `/templates/${v1.id}/revise`);
    expect([res.statusCode, errorBody(res).error]).toEqual([409, 'not_latest_version']);
    const retire = await send('POST', `/templates/${v1.id}/retire`);
    expect([retire.statusCode, errorBody(retire).error]).toEqual([409, 'not_latest_version']);
    expect(await storedState(t.db)).toEqual(before);
  });

  it('refuses everyone but an administrator, and a push of a template even by one, storing nothing', async () => {
    const v1 = await publishOwn();
    const { draft } = await ok<{ draft: TemplateDraft }>('POST', `/templates/${v1.id}/revise`);
    const before = await storedState(t.db);
    for (const [method, url, body] of [
      ['GET', '/template-drafts', undefined],
      ['POST', `/templates/${v1.id}/copy`, {}],
      ['POST', `/templates/${v1.id}/revise`, undefined],
      ['PUT', `/template-drafts/${draft.id}`, { revision: 1, content: draft.content }],
      ['POST', `/template-drafts/${draft.id}/publish`, { revision: 1 }],
      ['POST', `/template-drafts/${draft.id}/discard`, { revision: 1 }],
      ['POST', `/templates/${v1.id}/retire`, undefined],
      ['GET', `/templates/${v1.id}/diff/${builtIn.id}`, undefined],
    ] as const) {
      const res = await send(method, url, body, li.token);
      expect([res.statusCode, errorBody(res).error], url).toEqual([403, 'admin_only']);
    }
    const adminDevice = await signIn(t.app, t.district, 'admin');
    const pushed = await push(t.app, adminDevice, [
      upsert('template', { ...v1, title: '改过的标题' }, v1.version),
    ]);
    expect(pushed.results.map((r) => [r.status, r.reason?.code])).toEqual([
      ['rejected', 'templatesByAdministration'],
    ]);
    expect(await storedState(t.db)).toEqual(before);
  });
});
