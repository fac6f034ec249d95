import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { SyncIssueLists } from '../../../../../renderer/src/features/sync/SyncIssueLists';
import { openTestProfile, renderSignedIn } from '../../support/render';

let profile: Profile | undefined;
afterEach(async () => {
  cleanup();
  profile?.db.close();
  await profile?.db.delete();
  profile = undefined;
});

const at = '2026-11-29T08:00:00.000+08:00';

describe('SyncIssueLists', () => {
  it('shows a refused change with its reason and keeps an audit copy once dismissed', async () => {
    profile = openTestProfile();
    const { db } = profile;
    await db.rejected.add({
      mid: 7,
      deviceId: '018f0000-0000-7000-8000-000000000001',
      entity: 'finding',
      id: '018f0000-0000-7000-8000-0000deadbeef',
      op: 'upsert',
      data: null,
      baseVersion: 0,
      queuedAt: at,
      reason: 'deadline: the deadline cannot be before today',
      rejectedAt: at,
      dismissed: 0,
    });
    await db.conflicts.add({
      mid: 8,
      entity: 'inspection',
      id: '018f0000-0000-7000-8000-0000cafef00d',
      version: 12,
      detail: 'itemResults',
      at,
      dismissed: 0,
    });
    renderSignedIn(<SyncIssueLists />, profile);

    const refused = await screen.findByLabelText('Changes the server refused');
    expect(within(refused).getByText(/deadbeef/)).toBeTruthy();
    expect(within(refused).getByText(/cannot be before today/)).toBeTruthy();
    const conflicts = screen.getByLabelText('Conflicts');
    expect(within(conflicts).getByText(/cafef00d/)).toBeTruthy();
    expect(within(conflicts).getByText(/itemResults/)).toBeTruthy();

    await userEvent.click(within(refused).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(within(refused).queryByText(/deadbeef/)).toBeNull());
    expect(await db.rejected.count()).toBe(1);
    expect((await db.rejected.toArray())[0]?.dismissed).toBe(1);
    expect(within(conflicts).getByText(/cafef00d/)).toBeTruthy();
  }, 30_000);

  it("says the server's reason in the user's language when it knows the code, else in the server's words", async () => {
    profile = openTestProfile();
    const { db } = profile;
    const refused = (
      id: string,
      reason: string,
      refusal?: { code: string; params?: Record<string, string> },
    ) => ({
      mid: 9,
      deviceId: '018f0000-0000-7000-8000-000000000001',
      entity: 'finding' as const,
      id,
      op: 'upsert' as const,
      data: null,
      baseVersion: 0,
      queuedAt: at,
      reason,
      ...(refusal ? { refusal } : {}),
      rejectedAt: at,
      dismissed: 0 as const,
    });
    await db.rejected.bulkAdd([
      refused(
        '018f0000-0000-7000-8000-00000000a001',
        'the enterprise of this finding is outside your jurisdiction',
        {
          code: 'outsideJurisdiction',
          params: { entity: 'finding' },
        },
      ),
      refused('018f0000-0000-7000-8000-00000000a002', 'a newer server says so', {
        code: 'notYetKnown',
      }),
      refused('018f0000-0000-7000-8000-00000000a003', 'kept before codes were sent'),
    ]);
    renderSignedIn(<SyncIssueLists />, profile, 'zh-CN');

    const list = await screen.findByLabelText('被服务器拒绝的更改');
    expect(within(list).getByText('原因：该隐患所属企业不在您的辖区内')).toBeTruthy();
    expect(within(list).getByText('原因：a newer server says so')).toBeTruthy();
    expect(within(list).getByText('原因：kept before codes were sent')).toBeTruthy();
  }, 30_000);
});
