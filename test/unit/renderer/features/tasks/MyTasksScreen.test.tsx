import { fireEvent, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { MyTasksScreen } from '../../../../../renderer/src/features/tasks/MyTasksScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import type { UiLanguage } from '../../../../../renderer/src/i18n/resolve-language';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { TODAY, mySession, overdue, seedTasks } from './task-screen-fixtures';

let profile: Profile;
withTestProfile((p) => (profile = p), mySession);

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

const renderTasks = (language: UiLanguage = 'en') =>
  renderSignedIn(
    <MemoryRouter initialEntries={['/tasks']}>
      <Routes>
        <Route path="/tasks" element={<MyTasksScreen today={TODAY} />} />
        <Route path="*" element={<Where />} />
      </Routes>
    </MemoryRouter>,
    profile,
    language,
  );

describe('MyTasksScreen', () => {
  it('says when the device holds no task', async () => {
    renderTasks();
    expect(await screen.findByText(/No tasks on this device/)).toBeDefined();
  });

  it('lists the tasks overdue first, with period, dates and the officers going along', async () => {
    await seedTasks(profile);
    renderTasks();
    await screen.findByText('浙江龙盛染料化工有限公司');
    // Role queries over an antd table take seconds in jsdom: the rows are read by their markup.
    const rows = [...document.querySelectorAll<HTMLElement>('tr.ant-table-row')];
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual(['Overdue', 'Due', 'Done']);
    const cells = rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells[0]).toEqual([
      'Overdue',
      '浙江龙盛染料化工有限公司',
      'Drawn visit',
      '2026 Q1',
      '2026-01-01 – 2026-03-31',
      '王强',
      'Start inspection',
    ]);
    expect(cells[1]?.slice(2, 6)).toEqual([
      'Key inspection',
      '2026 month 4',
      '2026-04-01 – 2026-04-30',
      'Any officer of the agency',
    ]);
    expect(cells[2]?.[6]).toBe('Open record');
    expect(screen.getByLabelText('Open record：浙江闰土股份有限公司').tagName).toBe('BUTTON');
  });

  it('starts an inspection from a task, naming it', async () => {
    await seedTasks(profile);
    renderTasks();
    fireEvent.click(await screen.findByLabelText('Start inspection：浙江龙盛染料化工有限公司'));
    expect(screen.getByTestId('where').textContent).toBe(
      `/enterprises/${overdue.enterpriseId}/inspect?task=${overdue.id}`,
    );
  });

  it('reads in Chinese', async () => {
    await seedTasks(profile);
    renderTasks('zh-CN');
    expect(await screen.findByText('2026年第1季度')).toBeDefined();
    expect(screen.getByText('重点检查')).toBeDefined();
    expect(screen.getByText('已逾期')).toBeDefined();
    expect(
      screen.getByRole('button', { name: `开始检查：上虞新和成生物化工有限公司` }),
    ).toBeDefined();
  });
});
