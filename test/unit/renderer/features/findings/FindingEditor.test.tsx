import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import type { FindingDraftRow } from '../../../../../renderer/src/db/database';
import { liMingSession, makeFinding, newId } from '../../../../support/record-fixtures';
import { renderFindingEditor } from '../../support/finding-editor-render';
import { withTestProfile } from '../../support/render';
import { processedFrom } from '../photos/photo-test-support';
import { withRecordedObjectUrls } from '../photos/render-with-photo-strings';

// A fixed calendar day, so that "past" and the default deadlines do not depend on the clock.
const TODAY = '2030-06-10';

// The drawer holds a whole antd form: its renders in jsdom can take seconds on a busy machine.
beforeAll(() => configure({ asyncUtilTimeout: 20_000 }));

let profile: Profile;
const inspectionId = newId();
const enterpriseId = newId();

withTestProfile((opened) => (profile = opened), liMingSession);
withRecordedObjectUrls();

function renderEditor(id: string, onClose: () => void = () => undefined) {
  return renderFindingEditor(
    { id, inspectionId, enterpriseId, today: TODAY, processPhoto: processedFrom, onClose },
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

/** Types a whole value into a field and leaves it (role queries and per-key typing are slow). */
function enter(dialog: HTMLElement, label: string, value: string) {
  const input = field(dialog, label);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
}

function changeDeadline(dialog: HTMLElement, date: string) {
  enter(dialog, 'Deadline', date);
}

function clickDone(dialog: HTMLElement) {
  fireEvent.click(within(dialog).getByText('Done').closest('button')!);
}

async function counts() {
  return {
    findings: await profile.db.findings.count(),
    outbox: await profile.db.outbox.count(),
  };
}

describe('FindingEditor', { timeout: 60_000 }, () => {
  it('refuses empty required fields and a past deadline by name, and queues nothing', async () => {
    let closed = false;
    renderEditor(newId(), () => {
      closed = true;
    });
    const dialog = await openForm();
    enter(dialog, 'Description', 'Solvent drums in the corridor');
    changeDeadline(dialog, '2030-06-09');
    clickDone(dialog);

    expect(await within(dialog).findByText('Title is required')).toBeTruthy();
    expect(within(dialog).getByText('Choose the Category')).toBeTruthy();
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
    const id = newId();
    await profile.db.findingDrafts.put(completeDraft(id));
    renderEditor(id);
    const dialog = await openForm();
    changeDeadline(dialog, '2021-01-01');
    clickDone(dialog);

    expect(await within(dialog).findByText('The deadline cannot be before today')).toBeTruthy();
    expect(field(dialog, 'Deadline').getAttribute('aria-invalid')).toBe('true');
    await waitFor(async () =>
      expect((await profile.db.findingDrafts.get(id))?.values.deadline).toBe('2021-01-01'),
    );
    expect(await counts()).toEqual({ findings: 0, outbox: 0 });

    // A date from today on is accepted: the finding is stored and queued, the draft dropped.
    changeDeadline(dialog, TODAY);
    clickDone(dialog);
    await waitFor(async () => expect(await counts()).toEqual({ findings: 1, outbox: 1 }));
    expect(await profile.db.findingDrafts.count()).toBe(0);
  });

  it('restores everything typed, and the photo, after the screen goes away and comes back', async () => {
    const user = userEvent.setup({ delay: null });
    const id = newId();
    const first = renderEditor(id);
    let dialog = await openForm();
    enter(dialog, 'Title', 'Drums stored in the corridor');
    enter(dialog, 'Responsible person', 'Zhang Wei');
    fireEvent.click(within(dialog).getByLabelText('Major'));
    const photo = new File(['north tank, leaking flange'], 'flange.jpg', { type: 'image/jpeg' });
    await user.upload(within(dialog).getByLabelText('Add photos'), photo);
    await within(dialog).findByAltText('Photo 1 of 1');
    // Typing is saved after a pause; the reload comes before it, straight after the last key
    // (no blur, which would save at once).
    fireEvent.change(field(dialog, 'Rectification requirement'), {
      target: { value: 'Move them to the store' },
    });

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
    expect(within(dialog).getByLabelText('Major')).toHaveProperty('checked', true);
    expect(await within(dialog).findAllByAltText('Photo 1 of 1')).toHaveLength(1);
    const [stored] = (await profile.db.findingDrafts.get(id))?.values.photos as {
      sha256: string;
    }[];
    const blob = await profile.db.blobs.get(stored!.sha256);
    // (jsdom's Blob does not survive fake-indexeddb's cloning whole: its row says what it is.)
    expect(blob).toMatchObject({ size: photo.size, mime: 'image/jpeg' });
  });

  it('says plainly that the storage is full and keeps what was saved before', async () => {
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
    enter(dialog, 'Title', 'Eyewash station blocked by pallets');

    const alert = (await within(dialog).findByText("This device's storage is full")).closest(
      '[role="alert"]',
    )!;
    expect(alert.textContent).toContain("This device's storage is full");
    expect(alert.textContent).toContain('Everything saved before is still there');
    const stored = await profile.db.findings.get(finding.id);
    expect(stored).toEqual(finding);
    expect(await profile.db.outbox.count()).toBe(0);
    // What is on screen stays there, to be saved once there is room again.
    expect(field(dialog, 'Title').value).toBe('Eyewash station blocked by pallets');

    profile.db.findings.hook('updating').unsubscribe(full);
    profile.db.findings.hook('creating').unsubscribe(full);
    profile.db.findingDrafts.hook('creating').unsubscribe(full);
    enter(dialog, 'Description', 'Pallets stacked in front of it');
    await within(dialog).findByText('Saved on this device');
    expect(within(dialog).queryByText("This device's storage is full")).toBeNull();
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
