import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../../domain/schemas/finding';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { FindingDrawer } from '../../../../../renderer/src/features/deadlines/FindingDrawer';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeSession,
  makeUser,
} from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';

const me = makeUser({ displayName: 'Li Ming' });
let profile: Profile;
let finding: Finding;
withTestProfile(
  (opened) => (profile = opened),
  () => makeSession({ user: me }),
);
beforeEach(async () => {
  const plant = makeEnterprise({ name: 'Mingda Dyes' });
  const inspection = makeInspection({ enterpriseId: plant.id });
  finding = makeFinding({
    title: 'Leaking valve',
    enterpriseId: plant.id,
    inspectionId: inspection.id,
    deadline: '2000-01-01',
    grade: 'major',
  });
  await profile.db.users.put(me);
  await profile.db.enterprises.put(plant);
  await profile.db.inspections.put(inspection);
  await profile.db.findings.put(finding);
});

/** The hazard's drawer, open, once it is on screen. */
async function openDrawer(): Promise<HTMLElement> {
  renderSignedIn(
    <MemoryRouter>
      <FindingDrawer findingId={finding.id} onClose={() => undefined} />
    </MemoryRouter>,
    profile,
  );
  return screen.findByRole('dialog');
}

// antd in jsdom is slow on a busy machine: a generous per-test timeout, no timed assertions.
describe('FindingDrawer', { timeout: 90_000 }, () => {
  it('shows an overdue listed hazard and records its rectification into the history', async () => {
    const drawer = await openDrawer();
    expect(await within(drawer).findByText('Overdue')).toBeTruthy();
    expect(within(drawer).getByText('Listed supervision')).toBeTruthy();
    expect(within(drawer).getByRole('region', { name: 'Before rectification' })).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: 'Record re-inspection' })).toBeNull();

    fireEvent.click(within(drawer).getByRole('button', { name: 'Record rectification' }));
    // Found by its title: in jsdom antd gives every dialog the same labelling id.
    const title = await screen.findByText('Record rectification', { selector: '.ant-modal-title' });
    const dialog = title.closest<HTMLElement>('[role="dialog"]')!;
    fireEvent.change(within(dialog).getByLabelText('Note'), {
      target: { value: 'Valve replaced' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(async () =>
      expect((await profile.db.findings.get(finding.id))?.status).toBe('rectified'),
    );
    const history = await within(drawer).findByRole('region', { name: 'Status history' });
    expect(
      await within(history).findByText(/Rectification reported on .* recorded by Li Ming/),
    ).toBeTruthy();
    expect(
      await within(drawer).findByRole('button', { name: 'Record re-inspection' }),
    ).toBeTruthy();
  });

  it('records a request for more time into the history; an inspector cannot decide it', async () => {
    const drawer = await openDrawer();
    fireEvent.click(
      await within(drawer).findByRole('button', { name: 'Record request for more time' }),
    );
    const title = await screen.findByText('Record a request for more time', {
      selector: '.ant-modal-title',
    });
    const dialog = title.closest<HTMLElement>('[role="dialog"]')!;
    fireEvent.change(within(dialog).getByLabelText('Reason given'), {
      target: { value: 'Motor delivered late' },
    });
    fireEvent.change(within(dialog).getByLabelText('Deadline asked for'), {
      target: { value: '2099-06-30' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const history = await within(drawer).findByRole('region', { name: 'Status history' });
    expect(
      await within(history).findByText(
        /More time asked on .*, until 2099-06-30 \(Motor delivered late\), recorded by Li Ming/,
      ),
    ).toBeTruthy();
    expect(
      within(drawer).getByText(/for a deadline of 2099-06-30: Motor delivered late/),
    ).toBeTruthy();
    // One request at a time, and an inspector does not decide it.
    expect(
      within(drawer).queryByRole('button', { name: 'Record request for more time' }),
    ).toBeNull();
    expect(
      within(drawer).queryByRole('button', { name: 'Decide request for more time' }),
    ).toBeNull();
  });
});
