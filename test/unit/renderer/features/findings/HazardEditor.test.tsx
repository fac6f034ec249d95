import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/app/profile';
import type { FindingDraftRow } from '../../../../../renderer/src/db/database';
import { HazardEditor } from '../../../../../renderer/src/features/findings/HazardEditor';
import { makeFinding, makeSession, makeUser, newId } from '../../support/fixtures';
import { openTestProfile, renderSignedIn } from '../../support/render';
import { processedFrom } from '../photos/photo-test-support';
import { recordObjectUrls } from '../photos/render-with-photo-strings';

// A fixed calendar day, so that "past" and the default deadlines do not depend on the clock.
const TODAY = '2030-06-10';

let profile: Profile;
let objectUrls: ReturnType<typeof recordObjectUrls>;
const inspectionId = newId();
const enterpriseId = newId();

beforeEach(() => {
  profile = openTestProfile(makeSession({ user: makeUser({ displayName: 'Li Ming' }) }));
  objectUrls = recordObjectUrls();
});

afterEach(async () => {
  objectUrls.restore();
  profile.db.close();
  await profile.db.delete();
});

function renderEditor(id: string, onClose: () => void = () => undefined) {
  return renderSignedIn(
    // Without motion the drawer is there at once (jsdom never ends a transition).
    <ConfigProvider theme={{ token: { motion: false } }}>
      <HazardEditor
        id={id}
        inspectionId={inspectionId}
        enterpriseId={enterpriseId}
        today={TODAY}
        processPhoto={processedFrom}
        onClose={onClose}
      />
    </ConfigProvider>,
    profile,
  );
}

async function openForm() {
  const dialog = await screen.findByRole('dialog', { name: 'Hazard' });
  await within(dialog).findByLabelText('Title');
  return dialog;
}

const field = (dialog: HTMLElement, label: string) =>
  within(dialog).getByLabelText(label) as HTMLInputElement;

function changeDeadline(dialog: HTMLElement, date: string) {
  const input = field(dialog, 'Deadline');
  fireEvent.change(input, { target: { value: date } });
  fireEvent.blur(input);
}

async function counts() {
  return {
    findings: await profile.db.findings.count(),
    outbox: await profile.db.outbox.count(),
  };
}

describe('HazardEditor', { timeout: 30_000 }, () => {
  it('refuses empty required fields and a past deadline by name, and queues nothing', async () => {
    const user = userEvent.setup({ delay: null });
    let closed = false;
    renderEditor(newId(), () => {
      closed = true;
    });
    const dialog = await openForm();
    await user.type(field(dialog, 'Description'), 'Solvent drums in the corridor');
    changeDeadline(dialog, '2030-06-09');
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    expect(await within(dialog).findByText('Title is required')).toBeTruthy();
    expect(within(dialog).getByText('Choose a category')).toBeTruthy();
    expect(within(dialog).getByText('Rectification requirement is required')).toBeTruthy();
    expect(within(dialog).getByText('Responsible person is required')).toBeTruthy();
    expect(within(dialog).getByText('The deadline cannot be before today')).toBeTruthy();
    expect(
      within(dialog).getByText(
        'Not complete yet: kept on this device as a draft, and synced once complete.',
      ),
    ).toBeTruthy();
    expect(closed).toBe(false);
    // What was typed is kept on this device only: no record and nothing queued for the server.
    await waitFor(async () => expect(await profile.db.findingDrafts.count()).toBe(1));
    expect(await counts()).toEqual({ findings: 0, outbox: 0 });
  });

  it('refuses a past deadline even when everything else is complete', async () => {
    const user = userEvent.setup({ delay: null });
    const id = newId();
    await profile.db.findingDrafts.put(completeDraft(id));
    renderEditor(id);
    const dialog = await openForm();
    changeDeadline(dialog, '2021-01-01');
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    expect(await within(dialog).findByText('The deadline cannot be before today')).toBeTruthy();
    expect(field(dialog, 'Deadline').getAttribute('aria-invalid')).toBe('true');
    await waitFor(async () =>
      expect((await profile.db.findingDrafts.get(id))?.values.deadline).toBe('2021-01-01'),
    );
    expect(await counts()).toEqual({ findings: 0, outbox: 0 });

    // A date from today on is accepted: the finding is stored and queued, the draft dropped.
    changeDeadline(dialog, TODAY);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(async () => expect(await counts()).toEqual({ findings: 1, outbox: 1 }));
    expect(await profile.db.findingDrafts.count()).toBe(0);
  });

  it('restores everything typed, and the photo, after the screen goes away and comes back', async () => {
    const user = userEvent.setup({ delay: null });
    const id = newId();
    const first = renderEditor(id);
    let dialog = await openForm();
    await user.type(field(dialog, 'Title'), 'Drums stored in the corridor');
    await user.type(field(dialog, 'Responsible person'), 'Zhang Wei');
    await user.click(within(dialog).getByRole('radio', { name: 'Major' }));
    const photo = new File(['north tank, leaking flange'], 'flange.jpg', { type: 'image/jpeg' });
    await user.upload(within(dialog).getByLabelText('Add photos'), photo);
    await within(within(dialog).getByRole('list', { name: 'Photos' })).findByRole('img');
    // Typing is saved after a pause; the reload comes before it, straight after the last key.
    await user.type(field(dialog, 'Rectification requirement'), 'Move them to the store');

    first.unmount();
    await waitFor(async () =>
      expect((await profile.db.findingDrafts.get(id))?.values.requirement).toBe(
        'Move them to the store',
      ),
    );

    renderEditor(id);
    dialog = await openForm();
    expect(field(dialog, 'Title').value).toBe('Drums stored in the corridor');
    expect(field(dialog, 'Responsible person').value).toBe('Zhang Wei');
    expect(field(dialog, 'Rectification requirement').value).toBe('Move them to the store');
    // A major hazard's default deadline is 60 days away.
    expect(field(dialog, 'Deadline').value).toBe('2030-08-09');
    expect(within(dialog).getByRole('radio', { name: 'Major' })).toHaveProperty('checked', true);
    const photos = within(dialog).getByRole('list', { name: 'Photos' });
    expect(within(photos).getAllByRole('img')).toHaveLength(1);
    const [stored] = (await profile.db.findingDrafts.get(id))?.values.photos as {
      sha256: string;
    }[];
    const blob = await profile.db.blobs.get(stored!.sha256);
    expect(await blob?.data.text()).toBe('north tank, leaking flange');
    expect(blob?.uploaded).toBe(false);
  });

  it('says plainly that the storage is full and keeps what was saved before', async () => {
    const user = userEvent.setup({ delay: null });
    const finding = makeFinding({
      inspectionId,
      enterpriseId,
      title: 'Eyewash station blocked',
      deadline: '2030-07-01',
    });
    await profile.db.findings.put(finding);
    renderEditor(finding.id);
    const dialog = await openForm();

    // The disk fills up: IndexedDB refuses every write to the findings and drafts.
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    profile.db.findings.hook('updating', full);
    profile.db.findings.hook('creating', full);
    profile.db.findingDrafts.hook('creating', full);
    const title = field(dialog, 'Title');
    await user.clear(title);
    await user.type(title, 'Eyewash station blocked by pallets');
    await user.tab();

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain("This device's storage is full");
    expect(alert.textContent).toContain('Everything saved before is still there');
    const stored = await profile.db.findings.get(finding.id);
    expect(stored).toEqual(finding);
    expect(await profile.db.outbox.count()).toBe(0);
    // What is on screen stays there, to be saved once there is room again.
    expect(title.value).toBe('Eyewash station blocked by pallets');

    profile.db.findings.hook('updating').unsubscribe(full);
    profile.db.findings.hook('creating').unsubscribe(full);
    profile.db.findingDrafts.hook('creating').unsubscribe(full);
    await user.type(field(dialog, 'Description'), 'x');
    await user.tab();
    await within(dialog).findByText('Saved on this device');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect((await profile.db.findings.get(finding.id))?.title).toBe(
      'Eyewash station blocked by pallets',
    );
    expect(await profile.db.outbox.count()).toBe(1);
  });
});

function completeDraft(id: string): FindingDraftRow {
  return {
    id,
    inspectionId,
    enterpriseId,
    values: {
      itemId: null,
      title: 'Fire exit locked',
      description: '',
      category: 'fire',
      grade: 'general',
      legalBasis: 'Fire Protection Law, article 28',
      requirement: 'Unlock the exit and keep it clear',
      deadline: '2030-06-25',
      responsiblePerson: 'Wang Fang',
      photos: [],
    },
    updatedAt: '2030-06-10T09:00:00.000+08:00',
  };
}
