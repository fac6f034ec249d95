import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { workListFigures } from '../../../../../domain/rules/statistics';
import { tracks } from '../../../../../domain/schemas/enterprise';
import { WorklistScreen } from '../../../../../renderer/src/features/worklist/WorklistScreen';
import {
  formatTotalsField,
  totalsFields,
} from '../../../../../renderer/src/features/worklist/TotalsFigures';
import { DEMO_TODAY, loadDemoDistrict } from '../../support/demo-district';
import { testIdText, withDistrictScreen } from '../../support/district-screen';

const { openProfile, renderScreen: renderWorklist } = withDistrictScreen(WorklistScreen);

describe('WorklistScreen', { timeout: 30_000 }, () => {
  it('shows a skeleton while reading, then says that nothing has been synced', async () => {
    const profile = openProfile();
    renderWorklist(profile);
    expect(screen.getByRole('status', { name: 'Counting the milestones…' })).toBeDefined();
    expect(await screen.findByText(/No enterprises on this device yet/)).toBeDefined();
  });

  it('shows every figure of the demo district as the domain computes it', async () => {
    const profile = openProfile();
    const district = await loadDemoDistrict(profile);
    renderWorklist(profile);
    await screen.findByTestId('worklist-district-milestones');
    const figures = workListFigures(district.enterprises, DEMO_TODAY);
    const { totals } = figures;
    // The demo district's targets fall due at the end of 2017 and of 2020.
    expect(totals.byDueYear.map((y) => y.year)).toEqual([2017, 2020]);

    for (const field of totalsFields) {
      expect(testIdText(`worklist-district-${field}`)).toBe(
        formatTotalsField(totals.district.total, field),
      );
      for (const { year, total } of totals.byDueYear) {
        expect(testIdText(`worklist-target-${year}-${field}`)).toBe(
          formatTotalsField(total, field),
        );
      }
      for (const track of tracks) {
        expect(testIdText(`worklist-track-${track}-${field}`)).toBe(
          formatTotalsField(totals.district.byTrack[track], field),
        );
      }
      for (const { town, total } of totals.byTown) {
        expect(testIdText(`worklist-town-${town}-${field}`)).toBe(formatTotalsField(total, field));
      }
    }
    let overdueMarks = 0;
    for (const track of tracks) {
      for (const row of figures.byTrack[track]) {
        const id = row.enterprise.id;
        expect(testIdText(`worklist-enterprise-${id}-progress`)).toBe(
          `${row.progress.done}/${row.progress.milestones}`,
        );
        row.milestones.forEach((m, i) => {
          const label = { done: 'Done', overdue: 'Overdue', pending: 'Pending' }[m.state];
          expect(testIdText(`worklist-enterprise-${id}-${i}-state`)).toBe(label);
          if (m.state === 'overdue') overdueMarks++;
        });
        // The enterprise's name links to its file (a query by role is too slow for 40 rows).
        expect(document.querySelector(`a[href="/enterprises/${id}"]`)?.textContent).toBe(
          row.enterprise.name,
        );
      }
    }
    expect(overdueMarks).toBe(totals.district.total.overdue);
    expect(screen.getAllByText('Overdue', { selector: '.ant-tag' })).toHaveLength(overdueMarks);
  });

  it('reads in Chinese', async () => {
    const profile = openProfile();
    await loadDemoDistrict(profile);
    renderWorklist(profile, 'zh-CN');
    await waitFor(() => expect(screen.getByText('目标：2017 年底前到期的节点')).toBeDefined());
    expect(screen.getByRole('heading', { name: '工作清单' })).toBeDefined();
    expect(screen.getByRole('table', { name: '按乡镇街道' })).toBeDefined();
  });
});
