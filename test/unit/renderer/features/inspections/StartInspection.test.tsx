import { screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { StartInspection } from '../../../../../renderer/src/features/inspections/StartInspection';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { mySession, overdue, seedTasks } from '../tasks/task-screen-fixtures';

let profile: Profile;
withTestProfile((p) => (profile = p), mySession);

const renderAt = (url: string) =>
  renderSignedIn(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/enterprises/:id/inspect" element={<StartInspection />} />
      </Routes>
    </MemoryRouter>,
    profile,
  );

describe('starting an inspection from a task', { timeout: 15_000 }, () => {
  it("says which task it is made from and takes the task's other officers as co-inspectors", async () => {
    await seedTasks(profile);
    renderAt(`/enterprises/${overdue.enterpriseId}/inspect?task=${overdue.id}`);
    expect(
      await screen.findByText('From a task: Drawn visit, 2026 Q1, due 2026-01-01 – 2026-03-31.'),
    ).toBeDefined();
    // The co-inspector chosen shows as a tag of the multiple select.
    const chosen = document.querySelectorAll('.ant-select-selection-item');
    expect([...chosen].map((c) => c.textContent)).toEqual([expect.stringContaining('王强')]);
  });

  it('warns that a task no longer on the device will not be linked, and starts without it', async () => {
    await seedTasks(profile);
    renderAt(`/enterprises/${overdue.enterpriseId}/inspect?task=${overdue.enterpriseId}`);
    expect(await screen.findByText(/The task is no longer on this device/)).toBeDefined();
    expect(document.querySelectorAll('.ant-select-selection-item')).toHaveLength(0);
  });

  it('starts without a task as before', async () => {
    await seedTasks(profile);
    renderAt(`/enterprises/${overdue.enterpriseId}/inspect`);
    await screen.findByText('Start inspection: 浙江龙盛染料化工有限公司');
    expect(screen.queryByText(/From a task/)).toBeNull();
  });
});
