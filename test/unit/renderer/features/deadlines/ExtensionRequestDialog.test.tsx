import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../../../domain/rules/calendar-date';
import type { Finding } from '../../../../../domain/schemas/finding';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { ExtensionRequestDialog } from '../../../../../renderer/src/features/deadlines/ExtensionRequestDialog';
import { makeEnterprise, makeFinding, makeInspection } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';

let profile: Profile;
let finding: Finding;
let closed = 0;
withTestProfile((opened) => (profile = opened));
beforeEach(async () => {
  const plant = makeEnterprise();
  const inspection = makeInspection({ enterpriseId: plant.id });
  finding = makeFinding({
    enterpriseId: plant.id,
    inspectionId: inspection.id,
    deadline: '2000-01-01',
  });
  await profile.db.enterprises.put(plant);
  await profile.db.inspections.put(inspection);
  await profile.db.findings.put(finding);
  closed = 0;
});

const alertText = async () => (await screen.findByRole('alert')).textContent;

// antd in jsdom is slow on a busy machine: a generous per-test timeout, no timed assertions.
describe('ExtensionRequestDialog', { timeout: 90_000 }, () => {
  it('names what is missing, then records the request from the keyboard alone', async () => {
    const user = userEvent.setup();
    renderSignedIn(<ExtensionRequestDialog finding={finding} onClose={() => closed++} />, profile);
    const reason = await screen.findByLabelText('Reason given');
    const deadline = screen.getByLabelText('Deadline asked for');

    const saveButton = screen.getByRole('button', { name: 'Save' });
    /** From the last field, Tab reaches Cancel, then Save; Enter presses it. */
    const saveByKeyboard = async () => {
      await user.click(deadline);
      await user.tab();
      await user.tab();
      expect(document.activeElement).toBe(saveButton);
      await user.keyboard('{Enter}');
    };

    await saveByKeyboard();
    expect(await alertText()).toBe('Enter the reason the enterprise gives.');
    await user.type(reason, 'Explosion-proof motor delivered late');
    await saveByKeyboard();
    expect(await alertText()).toBe('Enter the deadline asked for.');

    // The hazard is overdue: a deadline of today is not later than today.
    const today = todayInChina(new Date());
    await user.type(deadline, today);
    await saveByKeyboard();
    expect(await alertText()).toBe(
      'The deadline asked for must be later than today and than the current deadline.',
    );
    expect(await profile.db.outbox.count()).toBe(0);

    await user.clear(deadline);
    await user.type(deadline, addDays(today, 30));
    await saveByKeyboard();
    await waitFor(() => expect(closed).toBe(1));
    const stored = await profile.db.findings.get(finding.id);
    expect(stored?.extensions).toMatchObject([
      {
        requestedOn: today,
        reason: 'Explosion-proof motor delivered late',
        requestedDeadline: addDays(today, 30),
        decision: null,
      },
    ]);
    expect(stored?.deadline).toBe('2000-01-01');
    expect(await profile.db.outbox.count()).toBe(1);
  });
});
