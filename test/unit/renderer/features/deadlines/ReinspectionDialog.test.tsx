import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../../../domain/rules/calendar-date';
import type { Finding } from '../../../../../domain/schemas/finding';
import type { User } from '../../../../../domain/schemas/user';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { ReinspectionDialog } from '../../../../../renderer/src/features/deadlines/ReinspectionDialog';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeSession,
  makeUser,
} from '../../../../support/record-fixtures';
import { openTestProfile, renderSignedIn } from '../../support/render';

let profile: Profile;
let finding: Finding;
let me: User;
let colleague: User;
let closed = 0;
beforeEach(async () => {
  me = makeUser({ username: 'inspector.wang', displayName: 'Wang Lei' });
  colleague = makeUser({ username: 'inspector.li', displayName: 'Li Ming' });
  // Not offered: someone who has left, or a supervisor.
  const departed = makeUser({
    username: 'inspector.gone',
    displayName: 'Gone Away',
    deletedAt: '2026-11-01T08:00:00.000+08:00',
  });
  const boss = makeUser({
    username: 'supervisor.sun',
    displayName: 'Sun Boss',
    role: 'supervisor',
  });
  profile = openTestProfile(makeSession({ user: me }));
  const plant = makeEnterprise();
  const inspection = makeInspection({ enterpriseId: plant.id });
  finding = makeFinding({
    enterpriseId: plant.id,
    inspectionId: inspection.id,
    status: 'rectified',
    deadline: '2099-01-01',
  });
  // The user directory as the device holds it: no server is reached in these tests.
  await profile.db.users.bulkPut([me, colleague, departed, boss]);
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

const alertText = async () => (await screen.findByRole('alert')).textContent;

/** Opens the co-inspector list and answers the names it offers, after choosing `name`. */
async function chooseCoInspector(label: string, name: RegExp): Promise<string[]> {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  const option = await screen.findByTitle(name);
  const offered = [...document.querySelectorAll('.ant-select-item-option')].map(
    (o) => o.getAttribute('title') ?? '',
  );
  await userEvent.click(option);
  return offered;
}

/** The re-inspection visits stored on this device. */
const visits = async () =>
  (await profile.db.inspections.toArray()).filter((i) => i.kind === 'reinspection');

// antd in jsdom is slow on a busy machine: a generous per-test timeout, no timed assertions.
describe('ReinspectionDialog', { timeout: 90_000 }, () => {
  it('says what is missing, then records a failed re-inspection made with a colleague', async () => {
    renderSignedIn(<ReinspectionDialog finding={finding} onClose={() => closed++} />, profile);
    const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

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

    const later = addDays(today, 10);
    fireEvent.change(deadline, { target: { value: later } });
    save();
    // Two officers or more: alone, the officer is asked to name who came.
    expect(await alertText()).toBe(
      'Name at least one colleague who made the re-inspection with you: it takes two officers or more.',
    );
    expect((await profile.db.findings.get(finding.id))?.status).toBe('rectified');
    expect(await visits()).toEqual([]);
    expect(await profile.db.outbox.count()).toBe(0);

    const offered = await chooseCoInspector('Co-inspectors on this visit', /^Li Ming/);
    // Certified inspectors of the directory, not the officer herself.
    expect(offered).toEqual(['Li Ming (certificate AJ-330604-01)']);
    save();
    await waitFor(() => expect(closed).toBe(1));
    const stored = await profile.db.findings.get(finding.id);
    expect(stored).toMatchObject({ status: 'open', deadline: later });
    expect(stored?.verification).toMatchObject({
      result: 'failed',
      officerIds: [me.id, colleague.id],
    });
    const [visit] = await visits();
    expect(visit).toMatchObject({
      leadInspectorId: me.id,
      coInspectorIds: [colleague.id],
      status: 'submitted',
    });
    expect((await profile.db.outbox.toArray()).map((r) => r.entity)).toEqual([
      'inspection',
      'finding',
    ]);
  });

  it('asks for the colleague in Chinese, and records the visit with them', async () => {
    renderSignedIn(
      <ReinspectionDialog finding={finding} onClose={() => closed++} />,
      profile,
      'zh-CN',
    );
    const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(
      screen.getByText('复查须由两名以上持有执法证的执法人员进行：请选择与您一同复查的人员'),
    ).toBeTruthy();
    fireEvent.click(screen.getByLabelText('不合格'));
    fireEvent.change(screen.getByLabelText('新整改期限'), {
      target: { value: addDays(todayInChina(new Date()), 10) },
    });
    save();
    expect(await alertText()).toBe(
      '请至少选择一名与您一同复查的执法人员：复查的执法人员不得少于两人。',
    );
    await chooseCoInspector('同行复查人员', /^Li Ming/);
    save();
    await waitFor(() => expect(closed).toBe(1));
    expect((await visits()).map((v) => v.coInspectorIds)).toEqual([[colleague.id]]);
  });
});
