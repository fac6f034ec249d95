import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TemplateDraft } from '../../../../../../domain/schemas/admin-content';
import type { ChecklistTemplate } from '../../../../../../domain/schemas/template';
import { TemplatesScreen } from '../../../../../../renderer/src/features/administration/templates/TemplatesScreen';
import type { Profile } from '../../../../../../renderer/src/session/profile';
import { buildDemoDistrict } from '../../../../../../server/src/seed/demo-district';
import { ELSEWHERE, renderAdminScreen } from '../../../support/admin-content-render';
import { DEMO_NOW } from '../../../support/demo-district';
import { json, unreachable } from '../../../support/fake-hq';
import type { RecordedRequest } from '../../../support/fake-hq';
import { withTestProfile } from '../../../support/render';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

const [major, safety] = buildDemoDistrict(DEMO_NOW).templates as [
  ChecklistTemplate,
  ChecklistTemplate,
];
const builtIn: ChecklistTemplate = { ...major, builtIn: true };
const ownV1: ChecklistTemplate = {
  ...safety,
  title: '本局安全检查表',
  lineageId: safety.id,
  edition: 1,
  status: 'published',
  publishedAt: '2026-10-01T02:00:00.000Z',
};
const ownV2: ChecklistTemplate = {
  ...ownV1,
  id: '0197a000-0000-7000-8000-00000000f002',
  edition: 2,
  publishedAt: '2026-11-20T02:00:00.000Z',
};
const draftOf = (from: ChecklistTemplate, id: string): TemplateDraft => ({
  id,
  lineageId: null,
  basedOn: from.id,
  revision: 1,
  content: { agencyKind: from.agencyKind, title: from.title, sections: from.sections },
  createdBy: from.createdBy,
  createdAt: '2026-11-28T02:00:00.000Z',
  updatedAt: '2026-11-28T02:00:00.000Z',
});

async function renderList(
  handler: (r: RecordedRequest) => Response,
  language: 'en' | 'zh-CN' = 'en',
) {
  await profile.db.templates.bulkPut([builtIn, ownV1, ownV2]);
  return renderAdminScreen(
    profile,
    { path: '/admin/templates', route: '/admin/templates', screen: <TemplatesScreen /> },
    handler,
    language,
  );
}

const rowOf = async (title: string) => {
  // The file's first render also waits for the device database's first read (a cold start of
  // its eighteen versions and the GB 18218 table's schema): longer than the usual five seconds
  // on a busy machine.
  const cell = await screen.findByText(title, undefined, { timeout: 20_000 });
  const row = cell.closest('tr');
  if (!row) throw new Error(`no row for ${title}`);
  return within(row);
};

describe('the checklist templates screen', { timeout: 60_000 }, () => {
  it('marks the built-in checklist read-only, lists versions with their dates and the drafts', async () => {
    const draft = draftOf(ownV2, '0197a000-0000-7000-8000-00000000d001');
    await renderList(() =>
      json(200, { drafts: [{ ...draft, content: { ...draft.content, title: '草稿一' } }] }),
    );
    const built = await rowOf(builtIn.title);
    expect(built.getByText('Built-in')).toBeTruthy();
    expect(built.getByText('Read-only')).toBeTruthy();
    expect(built.queryByRole('button', { name: /^Retire/ })).toBeNull();
    expect(built.queryByRole('button', { name: /^Start a new version/ })).toBeNull();
    const own = await rowOf('本局安全检查表');
    expect(own.getByText(/^Version 2 · 2026-11-20/)).toBeTruthy();
    expect(own.getByText(/^Version 1 · 2026-10-01/)).toBeTruthy();
    expect(own.getByText('Published')).toBeTruthy();
    expect(await screen.findByText('草稿一')).toBeTruthy();
  });

  it('copies the built-in checklist into a draft and opens it in the editor', async () => {
    const draft = draftOf(builtIn, '0197a000-0000-7000-8000-00000000d002');
    const requests = await renderList(({ method, url }) =>
      method === 'POST' && url.pathname.endsWith('/copy')
        ? json(201, { draft })
        : json(200, { drafts: [] }),
    );
    const built = await rowOf(builtIn.title);
    await waitFor(() =>
      expect(built.getByRole('button', { name: /^Copy/ })).toHaveProperty('disabled', false),
    );
    await userEvent.click(built.getByRole('button', { name: /^Copy/ }));
    expect(await screen.findByText(ELSEWHERE)).toBeTruthy();
    expect(
      requests.some((r) => r.url.pathname === `/api/v1/admin/templates/${builtIn.id}/copy`),
    ).toBe(true);
  });

  it('retires a checklist only after confirmation, and shows it retired', async () => {
    const requests = await renderList(({ method, url }) =>
      method === 'POST' && url.pathname.endsWith('/retire')
        ? json(200, { template: { ...ownV2, version: ownV2.version + 1, status: 'retired' } })
        : json(200, { drafts: [] }),
    );
    const own = await rowOf('本局安全检查表');
    await waitFor(() =>
      expect(own.getByRole('button', { name: /^Retire/ })).toHaveProperty('disabled', false),
    );
    await userEvent.click(own.getByRole('button', { name: /^Retire/ }));
    const dialog = await screen.findByRole('dialog');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retire' }));
    expect(await own.findByText('Retired')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.url.pathname).toBe(
      `/api/v1/admin/templates/${ownV2.id}/retire`,
    );
  });

  it('shows the differences between two versions as the server compares them', async () => {
    await renderList(({ url }) =>
      url.pathname.includes('/diff/')
        ? json(200, {
            diff: {
              title: { before: '旧表', after: '本局安全检查表' },
              sectionsAdded: [],
              sectionsRemoved: [],
              itemsAdded: [],
              itemsRemoved: [],
              itemsChanged: [],
              same: false,
            },
          })
        : json(200, { drafts: [] }),
    );
    const own = await rowOf('本局安全检查表');
    await userEvent.click(own.getByRole('button', { name: /^Differences between/ }));
    expect(await screen.findByText('Title: “旧表” → “本局安全检查表”')).toBeTruthy();
  });

  it('says the server is needed, in Chinese, and offers no action that needs it', async () => {
    await renderList(unreachable, 'zh-CN');
    expect(await screen.findByText(/现在连不上服务器/)).toBeTruthy();
    const built = await rowOf(builtIn.title);
    expect(built.getByRole('button', { name: /^复制/ })).toHaveProperty('disabled', true);
  });
});
