// The GB 18218-2018 table's screen for administrators: rows found by search, a row corrected in
// the editor, publishing with a reason (the server's refusal shown at its row and field), and the
// screen without the server.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../../../../../domain/data/gb18218-table';
import type { EditionSummary } from '../../../../../../domain/schemas/gb18218-edition';
import { Gb18218TableScreen } from '../../../../../../renderer/src/features/administration/gb18218/Gb18218TableScreen';
import type { Profile } from '../../../../../../renderer/src/session/profile';
import type { RecordedRequest } from '../../../support/fake-hq';
import { json, unreachable } from '../../../support/fake-hq';
import { withTestProfile } from '../../../support/render';
import { renderAdmin } from '../render-admin';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

const shipped: EditionSummary = {
  revision: 1,
  versionId: defaultGb18218Table.version.id,
  label: defaultGb18218Table.version.label,
  publishedBy: null,
  publishedByName: null,
  publishedAt: null,
  reason: null,
};

function server(publish: (r: RecordedRequest) => Response) {
  return (r: RecordedRequest): Response => {
    if (r.method === 'POST') return publish(r);
    if (r.url.pathname.endsWith('/gb18218/edition')) {
      return json(200, { edition: shipped, table: defaultGb18218Table });
    }
    return json(200, { editions: [shipped] });
  };
}

async function correctAmmonia(user: ReturnType<typeof userEvent.setup>, Q: string) {
  await user.click(await screen.findByRole('searchbox', { name: 'Find rows' }));
  await user.paste('7664-41-7');
  const table = screen.getByRole('region', { name: 'Table 1 substances' });
  await waitFor(() =>
    expect(within(table).queryByRole('button', { name: 'Correct row t1-2' })).toBeNull(),
  );
  await user.click(within(table).getByRole('button', { name: 'Correct row t1-1' }));
  const dialog = await screen.findByRole('dialog', { name: 'Correct Table 1 row t1-1' });
  const quantity = within(dialog).getByLabelText('Critical quantity (t)');
  await user.tripleClick(quantity);
  await user.paste(Q);
  await user.click(within(dialog).getByRole('button', { name: 'OK' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('the GB 18218 table screen', { timeout: 60_000 }, () => {
  it('publishes a corrected row as the next edition of the one in force, with the reason', async () => {
    const requests = renderAdmin(
      <Gb18218TableScreen />,
      profile,
      server(() =>
        json(201, { edition: { ...shipped, revision: 2, label: 'GB 18218-2018 / v2' } }),
      ),
    );
    expect(await screen.findByText(/In force: GB 18218-2018 \/ built-in v1/)).toBeTruthy();
    const user = userEvent.setup({ delay: null });
    await correctAmmonia(user, '12.5');
    const pending = screen.getByRole('region', { name: 'Unpublished changes' });
    expect(within(pending).getByText('1 row(s) changed, not yet published')).toBeTruthy();
    const row = screen.getByText('t1-1').closest('tr') as HTMLElement;
    expect(within(row).getByText('Changed, not published')).toBeTruthy();
    const publish = within(pending).getByRole('button', { name: 'Publish as new edition' });
    expect(publish.hasAttribute('disabled')).toBe(true);
    await user.click(within(pending).getByRole('textbox', { name: 'Reason' }));
    await user.paste('按正式文本更正');
    await user.click(publish);
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const sent = requests.find((r) => r.method === 'POST')?.body as {
      baseRevision: number;
      reason: string;
      table: typeof defaultGb18218Table;
    };
    expect(sent.baseRevision).toBe(1);
    expect(sent.reason).toBe('按正式文本更正');
    expect(sent.table.table1.find((r) => r.id === 't1-1')?.Q).toBe(12.5);
    expect(sent.table.table1.slice(1)).toEqual(defaultGb18218Table.table1.slice(1));
    expect(await screen.findByText(/GB 18218-2018 \/ v2 published/)).toBeTruthy();
  });

  it('shows the server’s refusal at the row and field it names', async () => {
    renderAdmin(
      <Gb18218TableScreen />,
      profile,
      server(() =>
        json(400, {
          error: 'invalid_table',
          message: 'The table was not published: Table 1 row 1 (t1-1), Q, is too large.',
          issues: [{ path: 'table.table1.0.Q', message: 'Table 1 row 1 (t1-1), Q, is too large' }],
        }),
      ),
    );
    const user = userEvent.setup({ delay: null });
    await correctAmmonia(user, '99999');
    const pending = screen.getByRole('region', { name: 'Unpublished changes' });
    await user.click(within(pending).getByRole('textbox', { name: 'Reason' }));
    await user.paste('核对');
    await user.click(within(pending).getByRole('button', { name: 'Publish as new edition' }));
    const row = screen.getByText('t1-1').closest('tr') as HTMLElement;
    expect(await within(row).findByText('Q: Table 1 row 1 (t1-1), Q, is too large')).toBeTruthy();
    expect(within(pending).getByRole('alert')).toBeTruthy();
    // Still unpublished: the edit stays for the administrator to fix.
    expect(within(row).getByText('Changed, not published')).toBeTruthy();
  });

  it('says the server cannot be reached instead of showing a table', async () => {
    renderAdmin(<Gb18218TableScreen />, profile, unreachable);
    expect(await screen.findByText(/cannot be reached/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
