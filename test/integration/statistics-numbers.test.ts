// Every figure of the dashboard and the track work list, as the screens compute them from the
// records a sync delivers, checked against counts made directly in the database (SQL in
// statistics-sql.ts) for the demo district on a fixed day. The renderer tests check that the
// screens show exactly these figures for the same district and day.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../domain/rules/calendar-date';
import type {
  DashboardFigures,
  RectificationRow,
  WorkListFigures,
} from '../../domain/rules/statistics';
import {
  BURDEN_THRESHOLDS,
  dashboardFigures,
  workListFigures,
} from '../../domain/rules/statistics';
import type { MilestoneTotals } from '../../domain/rules/statistics';
import type { Enterprise } from '../../domain/schemas/enterprise';
import { enterpriseSchema, tracks } from '../../domain/schemas/enterprise';
import { findingCategories, findingSchema } from '../../domain/schemas/finding';
import { inspectionKinds, inspectionSchema } from '../../domain/schemas/inspection';
import type { Change } from '../../domain/sync/protocol';
import { pullResponseSchema } from '../../domain/sync/protocol';
import { writeRecords } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, login, TEST_NOW } from '../support/demo-app';
import { databaseKinds } from '../support/test-databases';
import type { MilestoneSql, RectificationSql } from './statistics-sql';
import {
  sqlBurden,
  sqlHazardCounts,
  sqlInspectionCounts,
  sqlMilestoneStates,
  sqlMilestoneTotals,
  sqlMonths,
  sqlRectificationByAgency,
  sqlRectificationByTown,
  sqlRectificationDistrict,
} from './statistics-sql';

const today = todayInChina(TEST_NOW);

/** A share from the database and from the domain: both null, or the same double. */
function expectRate(domain: number | null, sql: number | null, what: string) {
  if (sql === null) expect(domain, what).toBeNull();
  else expect(domain, what).toBeCloseTo(sql, 12);
}

function expectRectification(domain: RectificationRow, sql: RectificationSql, what: string) {
  expect(
    {
      key: domain.key,
      findings: domain.findings,
      due: domain.due,
      closed: domain.closed,
      closedOnTime: domain.closedOnTime,
      overdue: domain.overdue,
    },
    what,
  ).toEqual({
    key: sql.key,
    findings: sql.findings,
    due: sql.due,
    closed: sql.closed,
    closedOnTime: sql.closed_on_time,
    overdue: sql.overdue,
  });
  expectRate(domain.rectificationRate, sql.rectification_rate, `${what} rectification rate`);
  expectRate(domain.onTimeRate, sql.on_time_rate, `${what} on-time rate`);
}

function expectMilestones(domain: MilestoneTotals, sql: MilestoneSql | undefined, what: string) {
  expect(sql, what).toBeDefined();
  if (!sql) return;
  const { progress, ...counts } = domain;
  expect(counts, what).toEqual({
    enterprises: sql.enterprises,
    enterprisesWithOverdue: sql.enterprises_with_overdue,
    milestones: sql.milestones,
    done: sql.done,
    overdue: sql.overdue,
    pending: sql.pending,
  });
  expectRate(progress, sql.progress, `${what} progress`);
}

const byKey = <T extends { key: string }>(rows: T[]) => new Map(rows.map((r) => [r.key, r]));

describe.each(databaseKinds)('dashboard and work list figures on %s', (kind) => {
  let t: DemoApp;
  let dashboard: DashboardFigures;
  let worklist: WorkListFigures<Enterprise>;

  /** Pulls every record as an administrator's device receives it and computes the figures. */
  async function pullFigures() {
    const { token } = await login(t.app, 'admin');
    const changes: Change[] = [];
    let cursor = '';
    for (let more = true; more;) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/sync/pull?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        headers: bearer(token),
      });
      expect(res.statusCode, res.body).toBe(200);
      const page = pullResponseSchema.parse(res.json());
      changes.push(...page.changes);
      cursor = page.cursor;
      more = page.hasMore;
    }
    const of = (entity: Change['entity']) =>
      changes.filter((c) => c.entity === entity && c.data !== null).map((c) => c.data);
    const enterprises = of('enterprise').map((d) => enterpriseSchema.parse(d));
    const inspections = of('inspection').map((d) => inspectionSchema.parse(d));
    const findings = of('finding').map((d) => findingSchema.parse(d));
    dashboard = dashboardFigures({ enterprises, inspections, findings }, today);
    worklist = workListFigures(enterprises, today);
  }

  beforeAll(async () => {
    t = await demoApp(kind);
    await pullFigures();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Checks every figure of the burden table and the warning against the database. */
  async function checkBurden() {
    const { rows, mean, sd } = await sqlBurden(t.db, today, BURDEN_THRESHOLDS.agenciesInMonth);
    const burden = dashboard.burden;
    expect(burden.mean).toBeCloseTo(mean, 9);
    expect(burden.sd).toBeCloseTo(sd, 9);
    expect(burden.visitThreshold).toBeCloseTo(mean + BURDEN_THRESHOLDS.sdFactor * sd, 9);
    expect(burden.enterprises.map((e) => e.visits)).toEqual(rows.map((r) => r.visits));
    const sqlRows = new Map(rows.map((r) => [r.enterprise, r]));
    expect(burden.enterprises).toHaveLength(rows.length);
    for (const row of burden.enterprises) {
      const sql = sqlRows.get(row.enterpriseId);
      expect(sql, row.enterpriseId).toBeDefined();
      if (!sql) continue;
      const many =
        sql.visits > mean + BURDEN_THRESHOLDS.sdFactor * sd &&
        sql.visits >= BURDEN_THRESHOLDS.minVisits;
      const separate = sql.separate_months.length > 0;
      expect(
        {
          visits: row.visits,
          agencies: row.agencies,
          separateVisitMonths: row.separateVisitMonths,
          overInspected: row.overInspected,
          suggestion: row.suggestion,
        },
        row.enterpriseId,
      ).toEqual({
        visits: sql.visits,
        agencies: sql.agencies,
        separateVisitMonths: sql.separate_months,
        overInspected: many || separate,
        suggestion: !(many || separate)
          ? null
          : sql.agencies >= 2
            ? 'burden.combineIntoJointInspection'
            : 'burden.reviewFrequency',
      });
    }
  }

  it('counts hazards by month, category and grade as the database does', async () => {
    const months = await sqlMonths(t.db, today);
    expect(dashboard.months).toEqual(months);
    const cells = await sqlHazardCounts(t.db);
    const count = (month: string, pick: (c: (typeof cells)[number]) => boolean) =>
      cells.filter((c) => c.month === month && pick(c)).reduce((a, c) => a + c.n, 0);
    expect(dashboard.hazards.reduce((a, m) => a + m.total, 0)).toBeGreaterThan(0);
    for (const row of dashboard.hazards) {
      expect(row.total, row.month).toBe(count(row.month, () => true));
      for (const grade of ['general', 'major'] as const) {
        expect(row.byGrade[grade], `${row.month} ${grade}`).toBe(
          count(row.month, (c) => c.grade === grade),
        );
        for (const category of findingCategories) {
          expect(row.byCategory[category][grade], `${row.month} ${category} ${grade}`).toBe(
            count(row.month, (c) => c.category === category && c.grade === grade),
          );
        }
      }
    }
  });

  it('gives each agency, each town and the district the rates the database gives', async () => {
    const agencies = await sqlRectificationByAgency(t.db, today);
    const towns = await sqlRectificationByTown(t.db, today);
    expect(dashboard.rectification.byAgency.map((r) => r.key)).toEqual(agencies.map((r) => r.key));
    expect(dashboard.rectification.byTown.map((r) => r.key)).toEqual(towns.map((r) => r.key));
    const agencyRows = byKey(agencies);
    for (const row of dashboard.rectification.byAgency) {
      expectRectification(row, agencyRows.get(row.key)!, `agency ${row.key}`);
    }
    const townRows = byKey(towns);
    for (const row of dashboard.rectification.byTown) {
      expectRectification(row, townRows.get(row.key)!, `town ${row.key}`);
    }
    const district = await sqlRectificationDistrict(t.db, today);
    expectRectification(dashboard.rectification.district, district, 'district');
    // The demo district has hazards in every state, so every figure is exercised.
    expect(district.closed).toBeGreaterThan(0);
    expect(district.overdue).toBeGreaterThan(0);
  });

  it('counts inspections per month and kind as the database does', async () => {
    const cells = await sqlInspectionCounts(t.db);
    const count = (month: string, kind?: string) =>
      cells
        .filter((c) => c.month === month && (kind === undefined || c.kind === kind))
        .reduce((a, c) => a + c.n, 0);
    for (const row of dashboard.inspections) {
      expect(row.total, row.month).toBe(count(row.month));
      for (const k of inspectionKinds)
        expect(row.byKind[k], `${row.month} ${k}`).toBe(count(row.month, k));
    }
    expect(dashboard.inspections.reduce((a, m) => a + m.total, 0)).toBeGreaterThan(0);
  });

  it('finds the inspection burden and the over-inspected enterprises the database finds', async () => {
    await checkBurden();
  });

  it('gives the work list the milestone totals the database gives', async () => {
    const { totals } = worklist;
    const [district] = await sqlMilestoneTotals(t.db, today, 'district');
    expectMilestones(totals.district.total, district, 'district');

    const byTrack = byKey(await sqlMilestoneTotals(t.db, today, 'track'));
    for (const track of tracks) {
      const sql = byTrack.get(track);
      if (!sql) expect(totals.district.byTrack[track].enterprises, track).toBe(0);
      else expectMilestones(totals.district.byTrack[track], sql, track);
    }

    const towns = await sqlMilestoneTotals(t.db, today, 'town');
    expect(totals.byTown.map((r) => r.town)).toEqual(towns.map((r) => r.key));
    const townRows = byKey(towns);
    for (const row of totals.byTown) expectMilestones(row.total, townRows.get(row.town), row.town);

    const years = await sqlMilestoneTotals(t.db, today, 'year');
    expect(totals.byDueYear.map((r) => String(r.year))).toEqual(years.map((r) => r.key));
    expect(years.map((r) => r.key)).toEqual(['2017', '2020']);
    const yearRows = byKey(years);
    for (const row of totals.byDueYear) {
      expectMilestones(row.total, yearRows.get(String(row.year)), `due ${row.year}`);
    }
    // Both targets are past on the test day: milestones are done or overdue, none pending.
    expect(district?.done).toBeGreaterThan(0);
    expect(district?.overdue).toBeGreaterThan(0);
  });

  it("gives every enterprise on the work list its milestones' states and progress", async () => {
    const states = new Map(
      (await sqlMilestoneStates(t.db, today)).map((r) => [r.id, r.states ?? []]),
    );
    const rows = tracks.flatMap((track) => worklist.byTrack[track]);
    expect(rows.map((r) => r.enterprise.id).sort()).toEqual([...states.keys()].sort());
    for (const row of rows) {
      const sql = states.get(row.enterprise.id) ?? [];
      expect(
        row.milestones.map((m) => m.state),
        row.enterprise.name,
      ).toEqual(sql);
      expect(row.progress.done).toBe(sql.filter((s) => s === 'done').length);
      expect(row.progress.milestones).toBe(sql.length);
    }
  });

  it('computes the same figures from the records the demo district is built from', () => {
    // The renderer tests render the screens over buildDemoDistrict's records: this ties what
    // they show to the database counted above.
    const { enterprises, inspections, findings } = t.district;
    expect(dashboardFigures({ enterprises, inspections, findings }, today)).toEqual(dashboard);
    const built = workListFigures(enterprises, today);
    expect(built.totals).toEqual(worklist.totals);
  });

  it('warns about the same enterprises as the database once one is visited far more', async () => {
    // The demo district has no over-inspected enterprise: add separate visits by two agencies
    // to one enterprise (five in the last three months) and count again.
    const template = t.district.inspections.find((i) => i.status === 'submitted');
    const target = t.district.enterprises[0];
    const [first, second] = t.district.agencies;
    if (!template || !target || !first || !second) throw new Error('demo district incomplete');
    const days = ['2026-09-03', '2026-10-08', '2026-10-21', '2026-11-05', '2026-11-18'];
    const visits = days.map((day, i) => ({
      entity: 'inspection' as const,
      data: {
        ...template,
        id: randomUUID(),
        enterpriseId: target.id,
        kind: 'routine' as const,
        agencyIds: [i % 2 === 0 ? first.id : second.id],
        startedAt: `${day}T09:00:00.000+08:00`,
        finishedAt: `${day}T11:00:00.000+08:00`,
      },
    }));
    await t.db.transaction((tx) => writeRecords(tx, visits));
    await pullFigures();
    const flagged = dashboard.burden.enterprises.filter((e) => e.overInspected);
    expect(flagged.map((e) => e.enterpriseId)).toContain(target.id);
    await checkBurden();
  });
});
