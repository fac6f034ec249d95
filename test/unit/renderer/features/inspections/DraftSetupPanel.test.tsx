import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistTemplate } from '../../../../../domain/schemas/template';
import type { Profile } from '../../../../../renderer/src/session/profile';
import {
  liMingSession,
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeUser,
  newId,
} from '../../../../support/record-fixtures';
import { withTestProfile } from '../../support/render';
import { makeChecklistTemplate } from '../../support/checklist-template';
import { renderChecklist } from '../../support/checklist-screen';

// Modals and a whole antd checklist: their renders in jsdom can take seconds on a busy machine.
beforeAll(() => configure({ asyncUtilTimeout: 30_000 }));

let profile: Profile;
withTestProfile((opened) => (profile = opened), liMingSession);

const template = (title: string, itemIds: string[]): ChecklistTemplate =>
  makeChecklistTemplate({
    title,
    sections: [
      {
        title: 'Storage',
        items: itemIds.map((id) => ({ id, text: `Item ${id}`, legalBasis: 'B' })),
      },
    ],
  });

async function seed(lead = profile.session.user.id) {
  const storage = template('Storage checklist', ['s-1']);
  const fire = template('Fire checklist', ['f-1']);
  const wang = makeUser({ username: 'inspector.wang', displayName: 'Wang Lei' });
  const enterprise = makeEnterprise({ name: 'Shangyu Ammonia Chemical' });
  const inspection = makeInspection({
    enterpriseId: enterprise.id,
    templateId: storage.id,
    templateVersion: 1,
    templateRefs: [
      { id: storage.id, version: 1 },
      { id: fire.id, version: 1 },
    ],
    leadInspectorId: lead,
    status: 'draft',
    location: { lat: 30, lon: 120, accuracyM: 5 },
    itemResults: [{ itemId: 'f-1', result: 'fail', note: '' }],
  });
  const hazard = makeFinding({
    inspectionId: inspection.id,
    enterpriseId: enterprise.id,
    itemId: 'f-1',
    title: 'Extinguishers expired',
  });
  await profile.db.users.bulkPut([profile.session.user, wang]);
  await profile.db.templates.bulkPut([storage, fire]);
  await profile.db.enterprises.put(enterprise);
  await profile.db.inspections.put(inspection);
  await profile.db.findings.put(hazard);
  return { inspection, wang, fire };
}

/** The button once it is enabled (the panel enables it when what it needs is loaded). */
async function ready(name: string): Promise<HTMLButtonElement> {
  const button = (await screen.findByRole('button', { name })) as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  return button;
}

describe('DraftSetupPanel', { timeout: 90_000 }, () => {
  it('adds a co-inspector to a draft started alone', async () => {
    const { inspection, wang } = await seed();
    renderChecklist(profile, inspection.id);
    expect(
      await screen.findByText(/None yet: a site inspection needs two certified officers/),
    ).toBeTruthy();

    fireEvent.click(await ready('Change setup'));
    const dialog = await screen.findByRole('dialog', { name: 'Change the inspection setup' });
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: 'Co-inspectors' }));
    fireEvent.click(await screen.findByTitle(/Wang Lei/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(async () =>
      expect((await profile.db.inspections.get(inspection.id))?.coInspectorIds).toEqual([wang.id]),
    );
    const rows = await profile.db.outbox.toArray();
    expect(rows.map((r) => [r.entity, r.id])).toEqual([['inspection', inspection.id]]);
    expect(await screen.findByText('Wang Lei')).toBeTruthy();
  });

  it('says that the answers of a template taken away go and its hazards stay, before saving', async () => {
    const { inspection, fire } = await seed();
    renderChecklist(profile, inspection.id);
    fireEvent.click(await ready('Change setup'));
    const dialog = await screen.findByRole('dialog', { name: 'Change the inspection setup' });
    const box = within(dialog).getByLabelText('Fire checklist') as HTMLInputElement;
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(false));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    // Over the form's own dialog, whose title test ids share: found by its content.
    const confirm = (
      await screen.findByText(/Answers deleted with the checklists taken away: 1\./)
    ).closest('.ant-modal') as HTMLElement;
    expect(
      within(confirm).getByText(
        'Answers deleted with the checklists taken away: 1. Hazards recorded on their items are kept and listed under Other hazards.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => {
      const stored = await profile.db.inspections.get(inspection.id);
      expect(stored?.templateRefs?.map((r) => r.id)).not.toContain(fire.id);
      expect(stored?.itemResults).toEqual([]);
    });
    // The hazard of the item taken away is still there, under other hazards.
    expect(await screen.findByRole('button', { name: 'Extinguishers expired' })).toBeTruthy();
  });

  it('deletes the draft after a confirmation that says what is lost', async () => {
    const { inspection } = await seed();
    renderChecklist(profile, inspection.id);
    fireEvent.click(await ready('Delete draft'));
    const confirm = await screen.findByRole('dialog', { name: 'Delete this draft inspection?' });
    expect(
      within(confirm).getByText(/Deleted with it: answers 1, hazards 1, photos 0\./),
    ).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete draft' }));
    expect(await screen.findByText('Inspection list')).toBeTruthy();
    expect((await profile.db.inspections.get(inspection.id))?.deletedAt).not.toBeNull();
    expect((await profile.db.outbox.toArray()).map((r) => r.entity)).toEqual([
      'finding',
      'inspection',
    ]);
  });

  it('offers no change and no deletion to a co-inspector', async () => {
    const { inspection } = await seed(newId());
    renderChecklist(profile, inspection.id);
    expect(await screen.findByText('Inspection setup')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change setup' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete draft' })).toBeNull();
  });
});
