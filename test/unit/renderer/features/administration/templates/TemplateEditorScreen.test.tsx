import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TemplateDraft } from '../../../../../../domain/schemas/admin-content';
import type { ChecklistTemplate, TemplateContent } from '../../../../../../domain/schemas/template';
import { TemplateEditorScreen } from '../../../../../../renderer/src/features/administration/templates/TemplateEditorScreen';
import type { Profile } from '../../../../../../renderer/src/session/profile';
import { buildDemoDistrict } from '../../../../../../server/src/seed/demo-district';
import { ELSEWHERE, renderAdminScreen } from '../../../support/admin-content-render';
import { DEMO_NOW } from '../../../support/demo-district';
import { json, unreachable } from '../../../support/fake-hq';
import type { RecordedRequest } from '../../../support/fake-hq';
import { withTestProfile } from '../../../support/render';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

const [full] = buildDemoDistrict(DEMO_NOW).templates as [ChecklistTemplate];
// Two items of the twenty criteria: enough to edit, small enough for jsdom.
const major: ChecklistTemplate = {
  ...full,
  sections: [{ ...full.sections[0]!, items: full.sections[0]!.items.slice(0, 2) }],
};
const DRAFT_ID = '0197a000-0000-7000-8000-00000000d001';
const draft: TemplateDraft = {
  id: DRAFT_ID,
  lineageId: null,
  basedOn: major.id,
  revision: 1,
  content: { agencyKind: major.agencyKind, title: '本局重大隐患检查表', sections: major.sections },
  createdBy: major.createdBy,
  createdAt: '2026-11-28T02:00:00.000Z',
  updatedAt: '2026-11-28T02:00:00.000Z',
};

/** A server that keeps the draft: saves count its revision up; publication answers a template. */
function draftServer() {
  let current = draft;
  return ({ method, url, body }: RecordedRequest) => {
    if (method === 'GET' && url.pathname === '/api/v1/admin/template-drafts') {
      return json(200, { drafts: [current] });
    }
    if (method === 'PUT') {
      const { revision, content } = body as { revision: number; content: TemplateContent };
      if (revision !== current.revision)
        return json(409, { error: 'changed_since', message: 'changed' });
      current = { ...current, revision: revision + 1, content };
      return json(200, { draft: current });
    }
    if (method === 'POST' && url.pathname.endsWith('/publish')) {
      const template: ChecklistTemplate = {
        ...major,
        id: '0197a000-0000-7000-8000-00000000f001',
        ...current.content,
        edition: 1,
        status: 'published',
        builtIn: false,
      };
      return json(200, { template });
    }
    return json(404, { error: 'not_found', message: url.pathname });
  };
}

const renderEditor = (handler: (r: RecordedRequest) => Response) =>
  renderAdminScreen(
    profile,
    {
      path: `/admin/templates/drafts/${DRAFT_ID}`,
      route: '/admin/templates/drafts/:id',
      screen: <TemplateEditorScreen />,
    },
    handler,
  );

describe('the checklist draft editor', { timeout: 90_000 }, () => {
  it('saves an item’s defect wording on the server as it is typed, then publishes after confirmation', async () => {
    const requests = renderEditor(draftServer());
    const defect = await screen.findByRole('textbox', { name: 'Defect wording of item 1.1' });
    // The built-in criteria the draft was copied from carry their own wording: replace it.
    await userEvent.clear(defect);
    await userEvent.paste('未设置报警装置');
    await screen.findByText('Saved on the server', {}, { timeout: 15_000 });
    const puts = requests.filter((r) => r.method === 'PUT');
    const saved = puts.at(-1)?.body as { revision: number; content: TemplateContent };
    expect(saved.content.sections[0]?.items[0]?.defectText).toBe('未设置报警装置');

    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog');
    expect(requests.some((r) => r.url.pathname.endsWith('/publish'))).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText(ELSEWHERE)).toBeTruthy();
    const publish = requests.find((r) => r.url.pathname.endsWith('/publish'));
    expect(publish?.body).toEqual({ revision: puts.length + 1 });
    expect((await profile.db.templates.get('0197a000-0000-7000-8000-00000000f001'))?.title).toBe(
      '本局重大隐患检查表',
    );
  });

  it('saves what was typed when the editor is left before the pause', async () => {
    const requests = renderEditor(draftServer());
    const legal = await screen.findByRole('textbox', { name: 'Legal basis of item 1.2' });
    await userEvent.click(legal);
    await userEvent.paste('《危险化学品安全管理条例》');
    cleanup();
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1));
    const saved = requests.find((r) => r.method === 'PUT')?.body as { content: TemplateContent };
    expect(saved.content.sections[0]?.items[1]?.legalBasis).toMatch(/危险化学品安全管理条例》$/);
  });

  it('adds an item and keeps an incomplete one unsaved, saying what is missing', async () => {
    const requests = renderEditor(draftServer());
    const addItem = await screen.findAllByRole('button', { name: /Add an item/ });
    await userEvent.click(addItem[0] as HTMLElement);
    await userEvent.click(screen.getByRole('button', { name: 'Save now' }));
    expect(await screen.findByText('Not saved yet: fix these first')).toBeTruthy();
    expect(screen.getAllByText(/Item text: Required/).length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('previews the checklist as the inspector sees it', async () => {
    renderEditor(draftServer());
    await userEvent.click(await screen.findByRole('tab', { name: 'Preview' }));
    const preview = await screen.findByRole('region', { name: 'Preview' });
    expect(within(preview).getByText(major.sections[0]?.items[0]?.text ?? '')).toBeTruthy();
  });

  it('says when the draft cannot be read because the server is out of reach', async () => {
    renderEditor(unreachable);
    expect(await screen.findByText(/cannot be reached now/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull());
  });
});
