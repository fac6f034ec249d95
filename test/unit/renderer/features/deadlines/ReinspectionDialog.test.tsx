import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../../../domain/rules/calendar-date';
import type { Finding } from '../../../../../domain/schemas/finding';
import type { Profile } from '../../../../../renderer/src/app/profile';
import { ReinspectionDialog } from '../../../../../renderer/src/features/deadlines/ReinspectionDialog';
import { makeEnterprise, makeFinding, makeInspection } from '../../support/fixtures';
import { openTestProfile, renderSignedIn } from '../../support/render';

let profile: Profile;
let finding: Finding;
let closed = 0;
beforeEach(async () => {
  profile = openTestProfile();
  const plant = makeEnterprise();
  const inspection = makeInspection({ enterpriseId: plant.id });
  finding = makeFinding({
    enterpriseId: plant.id,
    inspectionId: inspection.id,
    status: 'rectified',
    deadline: '2099-01-01',
  });
  await profile.db.enterprises.put(plant);
  await profile.db.inspections.put(inspection);
  await profile.db.findings.put(finding);
  closed = 0;
});
afterEach(async () => {
  cleanup();
  profile.db.close();
  await profile.db.delete();
});

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
const alertText = async () => (await screen.findByRole('alert')).textContent;

// antd in jsdom is slow on a busy machine: a generous per-test timeout, no timed assertions.
describe('ReinspectionDialog', { timeout: 90_000 }, () => {
  it('says what is missing, then records a failed re-inspection with its new deadline', async () => {
    renderSignedIn(<ReinspectionDialog finding={finding} onClose={() => closed++} />, profile);

    save();
    expect(await alertText()).toBe('Choose the result of the re-inspection.');

    fireEvent.click(screen.getByLabelText('Passed'));
    save();
    expect(await alertText()).toBe('Add at least one after-photo for a passed re-inspection.');

    fireEvent.click(screen.getByLabelText('Failed'));
    const today = todayInChina(new Date());
    const deadline = screen.getByLabelText('New deadline');
    fireEvent.change(deadline, { target: { value: today } });
    save();
    expect(await alertText()).toBe('The new deadline must be later than today.');
    expect((await profile.db.findings.get(finding.id))?.status).toBe('rectified');
    expect(await profile.db.outbox.count()).toBe(0);

    const later = addDays(today, 10);
    fireEvent.change(deadline, { target: { value: later } });
    save();
    await waitFor(() => expect(closed).toBe(1));
    const stored = await profile.db.findings.get(finding.id);
    expect(stored).toMatchObject({ status: 'open', deadline: later });
    expect(stored?.verification?.result).toBe('failed');
  });
});
