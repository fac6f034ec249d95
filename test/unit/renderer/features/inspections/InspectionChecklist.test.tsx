import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../../../domain/rules/calendar-date';
import { defaultDeadline } from '../../../../../domain/rules/deadlines';
import type { ChecklistTemplate } from '../../../../../domain/schemas/template';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { liMingSession, makeEnterprise, makeInspection } from '../../../../support/record-fixtures';
import { withTestProfile } from '../../support/render';
import { makeChecklistTemplate } from '../../support/checklist-template';
import { renderChecklist } from '../../support/checklist-screen';

// The drawer holds a whole antd form: its renders in jsdom can take seconds on a busy machine.
beforeAll(() => configure({ asyncUtilTimeout: 20_000 }));

let profile: Profile;
withTestProfile((opened) => (profile = opened), liMingSession);

function makeTemplate(): ChecklistTemplate {
  return makeChecklistTemplate(
    {
      title: 'Major accident hazards (20 criteria)',
      sections: [
        {
          title: 'Storage',
          items: [
            {
              id: 'store-1',
              text: 'Incompatible chemicals are stored apart',
              legalBasis: 'Hazardous Chemicals Safety Regulations, article 24',
            },
            {
              id: 'major-15',
              text: 'Tank farm has an independent safety instrumented system',
              legalBasis: 'Major hazard criteria 2017, item 15',
              majorCriterion: 15,
              defectText: 'Tank farm has no independent safety instrumented system',
            },
          ],
        },
      ],
    },
    { version: 3 },
  );
}

async function seed() {
  const template = makeTemplate();
  const enterprise = makeEnterprise({ name: 'Shangyu Ammonia Chemical' });
  const inspection = makeInspection({
    enterpriseId: enterprise.id,
    templateId: template.id,
    templateVersion: template.version,
    templateRefs: [{ id: template.id, version: template.version }],
    leadInspectorId: profile.session.user.id,
    status: 'draft',
  });
  await profile.db.templates.put(template);
  await profile.db.enterprises.put(enterprise);
  await profile.db.inspections.put(inspection);
  return { inspection };
}

/** The radio of `label` under the item whose text is `text`. */
function choice(text: string, label: 'Pass' | 'Fail' | 'Not applicable'): HTMLInputElement {
  const group = document.querySelector(
    `[aria-labelledby="${screen.getByText(text).closest('[id]')!.id}"]`,
  ) as HTMLElement;
  return within(group).getByLabelText(label) as HTMLInputElement;
}

describe('InspectionChecklist', { timeout: 30_000 }, () => {
  it('opens a hazard filled in from a failed major-criterion item, graded major', async () => {
    const { inspection } = await seed();
    renderChecklist(profile, inspection.id);
    await screen.findByText('Tank farm has an independent safety instrumented system');
    expect(screen.getByText('0 of 2 items answered')).toBeTruthy();

    fireEvent.click(choice('Tank farm has an independent safety instrumented system', 'Fail'));

    const dialog = await screen.findByRole('dialog', { name: 'Hazard' });
    const value = async (label: string) =>
      ((await within(dialog).findByLabelText(label)) as HTMLInputElement).value;
    // Titled by the item's defect wording, not by its requirement.
    expect(await value('Title')).toBe('Tank farm has no independent safety instrumented system');
    expect(await value('Legal basis')).toBe('Major hazard criteria 2017, item 15');
    expect(within(dialog).getByLabelText('Major')).toHaveProperty('checked', true);
    expect(await value('Deadline')).toBe(defaultDeadline('major', todayInChina(new Date())));

    // The answer is stored with its outbox row; the hazard waits as a local draft for the rest.
    await waitFor(async () =>
      expect((await profile.db.inspections.get(inspection.id))?.itemResults).toEqual([
        { itemId: 'major-15', result: 'fail', note: '' },
      ]),
    );
    const drafts = await profile.db.findingDrafts.toArray();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.values).toMatchObject({ itemId: 'major-15', grade: 'major' });
    expect(await profile.db.findings.count()).toBe(0);
  });

  it('opens a hazard graded general for an ordinary item, its title left to write beside the requirement', async () => {
    const { inspection } = await seed();
    renderChecklist(profile, inspection.id);
    await screen.findByText('Incompatible chemicals are stored apart');

    fireEvent.click(choice('Incompatible chemicals are stored apart', 'Fail'));

    const dialog = await screen.findByRole('dialog', { name: 'Hazard' });
    const title = (await within(dialog).findByLabelText('Title')) as HTMLInputElement;
    // The item has no defect wording: its text is the requirement, never the hazard's title.
    expect(title.value).toBe('');
    expect(
      within(dialog).getByText(/The item requires: Incompatible chemicals are stored apart/),
    ).toBeTruthy();
    expect(within(dialog).getByLabelText('General')).toHaveProperty('checked', true);
  });
});
