import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dashboardFigures } from '../../../../../domain/rules/statistics';
import { inspectionKinds } from '../../../../../domain/schemas/inspection';
import {
  formatAverage,
  formatCount,
} from '../../../../../renderer/src/features/common/format-figure';
import { DashboardScreen } from '../../../../../renderer/src/features/dashboard/DashboardScreen';
import { shownCategories } from '../../../../../renderer/src/features/dashboard/FindingSection';
import {
  formatRectificationField,
  rectificationFields,
} from '../../../../../renderer/src/features/dashboard/RectificationSection';
import { DEMO_TODAY, loadDemoDistrict } from '../../support/demo-district';
import { testIdText, withDistrictScreen } from '../../support/district-screen';
import { makeEnterprise, makeInspection } from '../../../../support/record-fixtures';

const { openProfile, renderScreen: renderDashboard } = withDistrictScreen(DashboardScreen);

describe('DashboardScreen', { timeout: 30_000 }, () => {
  it('shows a busy status while counting, then says that nothing has been synced', async () => {
    const profile = openProfile();
    renderDashboard(profile);
    expect(screen.getByRole('status', { name: 'Counting the figures…' })).toBeDefined();
    expect(await screen.findByText(/No data on this device yet/)).toBeDefined();
  });

  it('shows every figure of the demo district as the domain computes it', async () => {
    const profile = openProfile();
    const district = await loadDemoDistrict(profile);
    renderDashboard(profile);
    await screen.findByTestId('rectification-district-findings');
    const figures = dashboardFigures(district, DEMO_TODAY);

    const categories = shownCategories(figures.hazards);
    expect(figures.hazards.some((m) => m.total > 0)).toBe(true);
    for (const month of figures.hazards) {
      expect(testIdText(`hazards-${month.month}-total`)).toBe(formatCount(month.total));
      expect(testIdText(`hazards-${month.month}-general`)).toBe(formatCount(month.byGrade.general));
      expect(testIdText(`hazards-${month.month}-major`)).toBe(formatCount(month.byGrade.major));
      for (const [category, grades] of Object.entries(month.byCategory)) {
        const shown = screen.queryByTestId(`hazards-${month.month}-${category}`);
        // A category missing from the table has no hazard in any month shown.
        if (!categories.includes(category as (typeof categories)[number])) {
          expect(shown).toBeNull();
          expect(grades.general + grades.major).toBe(0);
        } else {
          expect(shown?.textContent).toBe(formatCount(grades.general + grades.major));
        }
      }
    }

    const { byAgency, byTown, district: total } = figures.rectification;
    expect(byAgency.length).toBeGreaterThan(1);
    expect(byTown.length).toBeGreaterThan(1);
    for (const field of rectificationFields) {
      expect(testIdText(`rectification-district-${field}`)).toBe(
        formatRectificationField(total, field),
      );
      for (const row of byAgency) {
        expect(testIdText(`rectification-agency-${row.key}-${field}`)).toBe(
          formatRectificationField(row, field),
        );
      }
      for (const row of byTown) {
        expect(testIdText(`rectification-town-${row.key}-${field}`)).toBe(
          formatRectificationField(row, field),
        );
      }
    }
    // Agencies are named, not shown by id.
    const agencyTable = screen.getByRole('table', { name: 'By agency' });
    for (const agency of district.agencies.filter((a) => byAgency.some((r) => r.key === a.id))) {
      expect(within(agencyTable).getByText(agency.name)).toBeDefined();
    }

    for (const month of figures.inspections) {
      expect(testIdText(`inspections-${month.month}-total`)).toBe(formatCount(month.total));
      for (const kind of inspectionKinds) {
        expect(testIdText(`inspections-${month.month}-${kind}`)).toBe(
          formatCount(month.byKind[kind]),
        );
      }
    }

    const { burden } = figures;
    expect(testIdText('burden-mean')).toBe(formatAverage(burden.mean));
    expect(testIdText('burden-threshold')).toBe(formatAverage(burden.visitThreshold));
    expect(burden.enterprises).toHaveLength(district.enterprises.length);
    for (const row of burden.enterprises) {
      expect(testIdText(`burden-${row.enterpriseId}-visits`)).toBe(formatCount(row.visits));
      expect(testIdText(`burden-${row.enterpriseId}-agencies`)).toBe(formatCount(row.agencies));
      const warning = screen.queryByTestId(`burden-${row.enterpriseId}-warning`);
      expect(warning !== null).toBe(row.overInspected);
    }
    const flagged = burden.enterprises.filter((e) => e.overInspected);
    const alert = screen.queryByTestId('burden-warning');
    const names = new Map(district.enterprises.map((e) => [e.id, e.name]));
    expect(alert !== null).toBe(flagged.length > 0);
    for (const row of flagged) expect(alert?.textContent).toContain(names.get(row.enterpriseId));
  });

  it('names the enterprise visited far more than others and suggests a joint inspection', async () => {
    const profile = openProfile();
    const busy = makeEnterprise({ name: 'Busy Dyes' });
    const quiet = [1, 2, 3, 4, 5].map((n) => makeEnterprise({ name: `Quiet ${n}` }));
    const [safety, environment] = [
      '0197a000-0000-7000-8000-0000000000a1',
      '0197a000-0000-7000-8000-0000000000a2',
    ];
    const visit = (enterpriseId: string, agencyId: string, day: string) =>
      makeInspection({
        enterpriseId,
        agencyIds: [agencyId],
        startedAt: `${day}T09:00:00.000+08:00`,
      });
    await profile.db.enterprises.bulkPut([busy, ...quiet]);
    await profile.db.inspections.bulkPut([
      visit(busy.id, safety!, '2026-10-08'),
      visit(busy.id, environment!, '2026-10-20'),
      visit(busy.id, safety!, '2026-07-02'),
      visit(busy.id, environment!, '2026-04-15'),
      ...quiet.map((e) => visit(e.id, safety!, '2026-09-01')),
    ]);
    renderDashboard(profile);
    const alert = await screen.findByTestId('burden-warning');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain(
      "Busy Dyes: combine the agencies' visits into one joint inspection.",
    );
    expect(alert.textContent).not.toContain('Quiet');
    expect(testIdText(`burden-${busy.id}-visits`)).toBe('4');
    expect(testIdText(`burden-${busy.id}-agencies`)).toBe('2');
    expect(screen.getByTestId(`burden-${busy.id}-warning`).textContent).toContain('2026-10');
    // The chart library arrives lazily and renders into the labelled figure (jsdom has no
    // layout, so it draws nothing inside).
    await waitFor(() =>
      expect(
        document.querySelector(
          'figure[aria-label="Inspection burden in the last twelve months"] .recharts-responsive-container',
        ),
      ).not.toBeNull(),
    );
  });

  it('reads in Chinese', async () => {
    const profile = openProfile();
    await loadDemoDistrict(profile);
    renderDashboard(profile, 'zh-CN');
    expect(await screen.findByRole('table', { name: '按部门' })).toBeDefined();
    expect(screen.getByRole('heading', { name: '统计看板' })).toBeDefined();
    expect(screen.getByRole('table', { name: '各月检查' })).toBeDefined();
  });
});
