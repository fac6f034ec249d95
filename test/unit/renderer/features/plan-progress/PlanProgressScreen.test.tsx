import { fireEvent, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PlanProgressScreen } from '../../../../../renderer/src/features/plan-progress/PlanProgressScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import type { UiLanguage } from '../../../../../renderer/src/i18n/resolve-language';
import { renderSignedIn, withTestProfile } from '../../support/render';
import {
  SAFETY,
  TODAY,
  me,
  seedTasks,
  supervisorSession,
  wang,
} from '../tasks/task-screen-fixtures';

let profile: Profile;
withTestProfile((p) => (profile = p), supervisorSession);

const renderProgress = (language: UiLanguage = 'en') =>
  renderSignedIn(
    <MemoryRouter>
      <PlanProgressScreen today={TODAY} />
    </MemoryRouter>,
    profile,
    language,
  );

const text = (id: string) => screen.getByTestId(id).textContent;

describe('PlanProgressScreen', { timeout: 15_000 }, () => {
  it('shows a busy status while counting, then says that there are no tasks', async () => {
    renderProgress();
    expect(screen.getByRole('status', { name: 'Counting the tasks…' })).toBeDefined();
    expect(await screen.findByText(/No plan tasks on this device/)).toBeDefined();
  });

  // On 2026-04-10: a Q1 visit overdue, an April key inspection due, a Q2 visit done by wang.
  it('counts the tasks done, due and overdue by month, agency and officer', async () => {
    await seedTasks(profile);
    renderProgress();
    expect((await screen.findByTestId('plan-progress-total')).textContent).toBe(
      'Done 1, due 1, overdue 1: 1 / 3 (33%) complete.',
    );
    expect(['overdue', 'due', 'done'].map((f) => text(`progress-month-2026-03-${f}`))).toEqual([
      '1',
      '0',
      '0',
    ]);
    expect(text('progress-month-2026-04-due')).toBe('1');
    expect(text('progress-month-2026-06-done')).toBe('1');

    fireEvent.click(screen.getByText('By agency'));
    expect(await screen.findByText('上虞区应急管理局')).toBeDefined();
    expect(text(`progress-agency-${SAFETY}-total`)).toBe('3');

    fireEvent.click(screen.getByText('By officer'));
    expect(await screen.findByText('王强')).toBeDefined();
    expect(text(`progress-officer-${me.id}-done`)).toBe('1');
    expect(text(`progress-officer-${wang.id}-overdue`)).toBe('1');
    expect(text('progress-officer-none-due')).toBe('1');
    expect(screen.getByText('Not yet made (sent to no one)')).toBeDefined();
  });

  it('reads in Chinese', async () => {
    await seedTasks(profile);
    renderProgress('zh-CN');
    expect((await screen.findByTestId('plan-progress-total')).textContent).toBe(
      '已完成 1，待完成 1，已逾期 1，完成率 1 / 3 (33%)。',
    );
    expect(screen.getByText('按机关')).toBeDefined();
  });
});
