import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../../../domain/rules/calendar-date';
import { requestExtension } from '../../../../../domain/rules/extension';
import type { ExtensionRequest, Finding } from '../../../../../domain/schemas/finding';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { ExtensionDecisionDialog } from '../../../../../renderer/src/features/deadlines/ExtensionDecisionDialog';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeSession,
  makeUser,
  newId,
} from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';

const supervisor = makeUser({
  username: 'supervisor.zhou',
  role: 'supervisor',
  certificateNo: null,
});
const today = todayInChina(new Date());
let profile: Profile;
let finding: Finding;
let request: ExtensionRequest;
let closed = 0;
withTestProfile(
  (opened) => (profile = opened),
  () => makeSession({ user: supervisor }),
);
beforeEach(async () => {
  const plant = makeEnterprise();
  const inspection = makeInspection({ enterpriseId: plant.id, agencyIds: [supervisor.agencyId] });
  finding = requestExtension(
    makeFinding({
      enterpriseId: plant.id,
      inspectionId: inspection.id,
      deadline: addDays(today, 5),
    }),
    { requestedOn: today, reason: 'Motor delivered late', requestedDeadline: addDays(today, 40) },
    { userId: newId(), at: new Date().toISOString(), today },
    newId(),
  );
  request = finding.extensions![0]!;
  await profile.db.enterprises.put(plant);
  await profile.db.inspections.put(inspection);
  await profile.db.findings.put(finding);
  closed = 0;
});

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
const alertText = async () => (await screen.findByRole('alert')).textContent;
const open = () =>
  renderSignedIn(
    <ExtensionDecisionDialog finding={finding} request={request} onClose={() => closed++} />,
    profile,
  );

// antd in jsdom is slow on a busy machine: a generous per-test timeout, no timed assertions.
describe('ExtensionDecisionDialog', { timeout: 90_000 }, () => {
  it('shows the request, asks for a decision and a reason to refuse, then records the refusal', async () => {
    open();
    expect(await screen.findByText('Motor delivered late')).toBeTruthy();
    save();
    expect(await alertText()).toBe('Choose whether to grant or refuse the request.');
    fireEvent.click(screen.getByLabelText('Refuse'));
    save();
    expect(await alertText()).toBe('Say why the request is refused.');
    expect(await profile.db.outbox.count()).toBe(0);

    fireEvent.change(screen.getByLabelText('Why it is refused'), {
      target: { value: 'No evidence of the delay' },
    });
    save();
    await waitFor(() => expect(closed).toBe(1));
    const stored = await profile.db.findings.get(finding.id);
    expect(stored?.deadline).toBe(addDays(today, 5));
    expect(stored?.extensions?.[0]?.decision).toMatchObject({
      result: 'refused',
      comment: 'No evidence of the delay',
      decidedBy: supervisor.id,
    });
  });

  it('grants the deadline asked for unless another is chosen, and refuses one not later', async () => {
    open();
    fireEvent.click(await screen.findByLabelText('Grant'));
    const deadline = screen.getByLabelText('Deadline granted');
    expect((deadline as HTMLInputElement).value).toBe(addDays(today, 40));
    fireEvent.change(deadline, { target: { value: addDays(today, 5) } });
    save();
    expect(await alertText()).toBe('The deadline granted must be later than the current deadline.');
    fireEvent.change(deadline, { target: { value: addDays(today, 30) } });
    save();
    await waitFor(() => expect(closed).toBe(1));
    const stored = await profile.db.findings.get(finding.id);
    expect(stored?.deadline).toBe(addDays(today, 30));
    expect(stored?.extensions?.[0]?.decision).toMatchObject({
      result: 'granted',
      newDeadline: addDays(today, 30),
    });
    expect(await profile.db.outbox.count()).toBe(1);
  });
});
