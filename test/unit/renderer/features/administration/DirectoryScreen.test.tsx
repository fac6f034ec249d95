import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DirectoryScreen } from '../../../../../renderer/src/features/administration/directory/DirectoryScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { json, unreachable } from '../../support/fake-hq';
import { agencyA, townA } from '../../support/admin-fixtures';
import { withTestProfile } from '../../support/render';
import { renderAdmin } from './render-admin';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

const district = { name: '上虞区', code: '330604' };

describe('the agencies and towns screen', { timeout: 60_000 }, () => {
  it('lists agencies and towns, creates an agency, and shows a duplicate in the user’s words', async () => {
    let created = false;
    const requests = renderAdmin(<DirectoryScreen />, profile, ({ method, url }) => {
      if (url.pathname === '/api/v1/admin/towns') return json(200, { district, towns: [townA] });
      if (method === 'POST' && url.pathname === '/api/v1/admin/agencies') {
        if (!created) {
          created = true;
          return json(409, {
            error: 'agency_name_taken',
            message: 'Another agency already has the shortName "上虞应急".',
            issues: [{ path: 'shortName', message: 'is taken by another agency' }],
          });
        }
        return json(201, { agency: { ...agencyA, id: '0197a000-0000-7000-8000-0000000000a2' } });
      }
      return json(200, { agencies: [agencyA] });
    });
    const table = await screen.findByRole('table');
    expect(within(table).getByText('上虞区应急管理局')).toBeTruthy();
    expect(within(table).getByText('Emergency management (safety)')).toBeTruthy();
    const user = userEvent.setup({ delay: null });

    await user.click(screen.getByRole('button', { name: 'New agency' }));
    const dialog = await screen.findByRole('dialog');
    // Checked with the domain schema first: nothing is sent for an empty name.
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findAllByText('Required')).toHaveLength(2);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Name'), '上虞区生态环境分局');
    await user.type(within(dialog).getByLabelText('Short name'), '上虞应急');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Another agency already has this name or short name.',
    );
    await user.clear(within(dialog).getByLabelText('Short name'));
    await user.type(within(dialog).getByLabelText('Short name'), '上虞环境');
    await user.click(within(dialog).getByRole('button', { name: /Save/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requests.filter((r) => r.method === 'POST').at(-1)?.body).toEqual({
      name: '上虞区生态环境分局',
      shortName: '上虞环境',
      kind: 'safety',
    });
  });

  it('shows the towns, checks a new town code before sending it, and edits a town but its code', async () => {
    const requests = renderAdmin(<DirectoryScreen />, profile, ({ method, url }) => {
      if (method === 'PATCH') return json(200, { town: townA });
      return url.pathname === '/api/v1/admin/towns'
        ? json(200, { district, towns: [townA] })
        : json(200, { agencies: [agencyA] });
    });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('tab', { name: 'Towns' }));
    expect(await screen.findByText('百官街道')).toBeTruthy();
    expect(screen.getByText('District: 上虞区 (330604)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New town' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Division code'), '12');
    await user.type(within(dialog).getByLabelText('Name'), '新镇');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('A town code has 9 digits')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    // A town's code never changes: the edit sends the other fields only.
    await user.click(screen.getByRole('button', { name: 'Edit 百官街道' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit town' });
    expect(within(edit).getByLabelText('Division code')).toHaveProperty('disabled', true);
    await user.clear(within(edit).getByLabelText('English name'));
    await user.type(within(edit).getByLabelText('English name'), 'Baiguan Sub-district');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.url.pathname).toBe(`/api/v1/admin/towns/${townA.id}`);
    expect(patch?.body).toEqual({
      name: '百官街道',
      nameEn: 'Baiguan Sub-district',
      kind: 'subdistrict',
    });
  });

  it('says the screen needs the server when it cannot be reached, in Chinese', async () => {
    renderAdmin(<DirectoryScreen />, profile, unreachable, 'zh-CN');
    expect(await screen.findByText(/系统管理在服务器上进行，当前无法连接服务器/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
