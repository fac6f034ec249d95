import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import {
  liMingSession,
  makeFinding,
  makeInspection,
  newId,
} from '../../../../support/record-fixtures';
import { renderFindingEditor } from '../../support/finding-editor-render';
import { withTestProfile } from '../../support/render';

const TODAY = '2030-06-10';
const returned = {
  status: 'returned' as const,
  comment: 'The alarm hazard is major',
  reviewerId: newId(),
  reviewedAt: '2030-06-09T09:00:00.000+08:00',
};

// The drawer holds a whole antd form: its renders in jsdom can take seconds on a busy machine.
beforeAll(() => configure({ asyncUtilTimeout: 20_000 }));

let profile: Profile;
withTestProfile((opened) => (profile = opened), liMingSession);

async function seed() {
  const inspection = makeInspection({ leadInspectorId: profile.session.user.id, review: returned });
  const finding = makeFinding({
    inspectionId: inspection.id,
    enterpriseId: inspection.enterpriseId,
    title: 'Gas alarm missing',
    deadline: '2030-05-01',
  });
  await profile.db.inspections.put(inspection);
  await profile.db.findings.put(finding);
  return { inspection, finding };
}

function renderEditor(id: string, inspectionId: string, enterpriseId: string, onClose = () => {}) {
  return renderFindingEditor({ id, inspectionId, enterpriseId, today: TODAY, onClose }, profile);
}

const saveButton = (dialog: HTMLElement) =>
  within(dialog).getByText('Save amendment').closest('button')!;

describe('amending a hazard of a submitted inspection', { timeout: 60_000 }, () => {
  it('is read-only until amended; the reason is required; then all is saved at once', async () => {
    const { inspection, finding } = await seed();
    let closed = false;
    renderEditor(finding.id, inspection.id, inspection.enterpriseId, () => (closed = true));
    const dialog = await screen.findByRole('dialog', { name: 'Hazard' });
    const title = () => within(dialog).getByLabelText('Title') as HTMLInputElement;
    await waitFor(() => expect(title().disabled).toBe(true));

    fireEvent.click(within(dialog).getByText('Amend this hazard').closest('button')!);
    await waitFor(() => expect(title().disabled).toBe(false));
    // The deadline of a recorded hazard moves by re-inspection or extension, never by amendment.
    expect((within(dialog).getByLabelText('Deadline') as HTMLInputElement).disabled).toBe(true);
    expect(within(dialog).getByText(/Moves only by a failed re-inspection/)).toBeTruthy();
    fireEvent.change(title(), { target: { value: 'Gas alarm missing in store 2' } });
    fireEvent.blur(title());
    fireEvent.click(saveButton(dialog));

    // Refused by name, inline, and nothing is written: no autosave on a submitted inspection.
    expect(await within(dialog).findByText('Give a reason for the amendment')).toBeTruthy();
    const reason = within(dialog).getByLabelText('Reason for the amendment (required)');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect((await profile.db.findings.get(finding.id))?.title).toBe('Gas alarm missing');
    expect(await profile.db.outbox.count()).toBe(0);
    expect(closed).toBe(false);

    fireEvent.change(reason, { target: { value: 'The store was not named' } });
    fireEvent.click(saveButton(dialog));
    await waitFor(() => expect(closed).toBe(true));

    // The past deadline stays acceptable as it was stored.
    expect(await profile.db.findings.get(finding.id)).toMatchObject({
      title: 'Gas alarm missing in store 2',
      deadline: '2030-05-01',
    });
    const stored = await profile.db.inspections.get(inspection.id);
    expect(stored?.review).toEqual({ ...returned, status: 'pending' });
    expect(stored?.amendments).toEqual([
      expect.objectContaining({
        by: profile.session.user.id,
        reason: 'The store was not named',
        findingId: finding.id,
        changes: [
          { field: 'title', before: 'Gas alarm missing', after: 'Gas alarm missing in store 2' },
        ],
      }),
    ]);
    expect((await profile.db.outbox.toArray()).map((r) => r.entity).sort()).toEqual([
      'finding',
      'inspection',
    ]);
  });

  it('says when nothing was changed, and writes nothing', async () => {
    const { inspection, finding } = await seed();
    renderEditor(finding.id, inspection.id, inspection.enterpriseId);
    const dialog = await screen.findByRole('dialog', { name: 'Hazard' });
    fireEvent.click((await within(dialog).findByText('Amend this hazard')).closest('button')!);
    fireEvent.change(await within(dialog).findByLabelText('Reason for the amendment (required)'), {
      target: { value: 'Checking' },
    });
    fireEvent.click(saveButton(dialog));
    expect(await within(dialog).findByText('Nothing has been changed')).toBeTruthy();
    expect(await profile.db.outbox.count()).toBe(0);
  });

  it('adds a hazard left as a draft only by amendment, with its item kept', async () => {
    const { inspection } = await seed();
    const id = newId();
    await profile.db.findingDrafts.put({
      id,
      inspectionId: inspection.id,
      enterpriseId: inspection.enterpriseId,
      values: {
        itemId: 'exits.clear',
        title: 'Fire exit locked',
        description: '',
        category: 'fire',
        grade: 'general',
        legalBasis: 'Fire Protection Law, article 28',
        requirement: 'Unlock the exit',
        deadline: '2030-06-25',
        responsiblePerson: 'Wang Fang',
        photos: [],
      },
      updatedAt: '2030-06-10T09:00:00.000+08:00',
    });
    let closed = false;
    renderEditor(id, inspection.id, inspection.enterpriseId, () => (closed = true));
    const dialog = await screen.findByRole('dialog', { name: 'Hazard' });
    fireEvent.change(await within(dialog).findByLabelText('Reason for the amendment (required)'), {
      target: { value: 'Found after the officers left' },
    });
    fireEvent.click(saveButton(dialog));
    await waitFor(() => expect(closed).toBe(true));
    expect(await profile.db.findings.get(id)).toMatchObject({
      itemId: 'exits.clear',
      title: 'Fire exit locked',
    });
    expect(await profile.db.findingDrafts.get(id)).toBeUndefined();
    const [amendment] = (await profile.db.inspections.get(inspection.id))?.amendments ?? [];
    expect(amendment).toMatchObject({ findingId: id, findingAdded: true });
  });
});
