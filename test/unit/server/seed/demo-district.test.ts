import { defaultGb18218Table } from '../../../../domain/data/gb18218-table';
import { describe, expect, it } from 'vitest';
import { towns } from '../../../../domain/data/towns';
import { gradeEnterprise } from '../../../../domain/rules/gb18218';
import { checkUscc } from '../../../../domain/rules/uscc';
import { agencySchema } from '../../../../domain/schemas/agency';
import { enterpriseSchema } from '../../../../domain/schemas/enterprise';
import { findingSchema } from '../../../../domain/schemas/finding';
import { inspectionSchema } from '../../../../domain/schemas/inspection';
import { templateSchema } from '../../../../domain/schemas/template';
import { userSchema } from '../../../../domain/schemas/user';
import { buildDemoDistrict } from '../../../../server/src/seed/demo-district';
import { SYSTEM_ACTOR_ID } from '../../../../server/src/statutory/built-in-templates';

const DAY = 86_400_000;
const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((r) => [r.id, r]));

// Mid-morning, just after local midnight (the day boundary) and another year.
describe.each([
  ['2026-11-29T08:00:00+08:00', '2026-11-29'],
  ['2025-03-01T00:20:00+08:00', '2025-03-01'],
  ['2027-06-30T23:50:00+08:00', '2027-06-30'],
])('buildDemoDistrict(%s)', (nowText, today) => {
  const now = new Date(nowText);
  const district = buildDemoDistrict(now);
  const users = district.users.map((u) => u.record);
  const userById = byId(users);
  const enterpriseById = byId(district.enterprises);
  const inspectionById = byId(district.inspections);
  const user = (username: string) => {
    const found = users.find((u) => u.username === username);
    if (!found) throw new Error(`no demo user ${username}`);
    return found;
  };

  it('is deterministic: the same now gives the same output, byte for byte', () => {
    expect(JSON.stringify(buildDemoDistrict(new Date(now)))).toBe(JSON.stringify(district));
  });

  it('keeps the ids of reference records whatever now is, and follows now with the history', () => {
    const later = buildDemoDistrict(new Date(now.getTime() + 40 * DAY));
    const ids = (d: typeof district) => [
      ...d.agencies.map((a) => a.id),
      ...d.users.map((u) => u.record.id),
      ...d.enterprises.map((e) => e.id),
      ...d.templates.map((t) => t.id),
    ];
    expect(ids(later)).toEqual(ids(district));
    expect(later.inspections[0]?.startedAt).not.toBe(district.inspections[0]?.startedAt);
  });

  it('builds records that every domain schema accepts unchanged', () => {
    for (const a of district.agencies) expect(agencySchema.parse(a)).toEqual(a);
    for (const u of users) expect(userSchema.parse(u)).toEqual(u);
    for (const e of district.enterprises) expect(enterpriseSchema.parse(e)).toEqual(e);
    for (const t of district.templates) expect(templateSchema.parse(t)).toEqual(t);
    for (const i of district.inspections) expect(inspectionSchema.parse(i)).toEqual(i);
    for (const f of district.findings) expect(findingSchema.parse(f)).toEqual(f);
  });

  it('gives every record version 0, no tombstone, the admin as creator and a recent update', () => {
    const admin = user('admin');
    const all = [
      ...district.agencies,
      ...users,
      ...district.enterprises,
      ...district.templates,
      ...district.inspections,
      ...district.findings,
    ];
    const ids = all.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of all) {
      // The built-in checklist is the system's own, the same in every installation.
      const creator = 'builtIn' in r && r.builtIn === true ? SYSTEM_ACTOR_ID : admin.id;
      expect(r).toMatchObject({ version: 0, deletedAt: null, createdBy: creator });
      const age = now.getTime() - Date.parse(r.updatedAt);
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThan(200 * DAY);
    }
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('has the five agencies of the district', () => {
    expect(district.agencies.map((a) => [a.name, a.kind])).toEqual([
      ['上虞区应急管理局', 'safety'],
      ['绍兴市生态环境局上虞分局', 'environment'],
      ['上虞区经济和信息化局', 'economy'],
      ['杭州湾上虞经济技术开发区管委会', 'zone'],
      ['道墟街道办事处', 'town'],
    ]);
  });

  it('has exactly the demo accounts, all with the demo password', () => {
    expect(users.map((u) => [u.username, u.role]).sort()).toEqual(
      [
        ['admin', 'admin'],
        ['inspector.chen', 'inspector'],
        ['inspector.li', 'inspector'],
        ['inspector.wang', 'inspector'],
        ['inspector.zhao', 'inspector'],
        ['supervisor.env', 'supervisor'],
        ['supervisor.safety', 'supervisor'],
      ].sort(),
    );
    expect(district.users.every((u) => u.password === 'demo12345')).toBe(true);
    const agencyKind = (u: { agencyId: string }) =>
      district.agencies.find((a) => a.id === u.agencyId)?.kind;
    expect(
      ['inspector.li', 'inspector.wang', 'supervisor.safety', 'admin'].map((n) =>
        agencyKind(user(n)),
      ),
    ).toEqual(['safety', 'safety', 'safety', 'safety']);
    expect(
      ['inspector.chen', 'inspector.zhao', 'supervisor.env'].map((n) => agencyKind(user(n))),
    ).toEqual(['environment', 'environment', 'environment']);
    const allTowns = towns.map((t) => t.code).sort();
    for (const n of ['admin', 'supervisor.safety', 'supervisor.env']) {
      expect([...user(n).jurisdiction].sort()).toEqual(allTowns);
    }
    expect(user('admin').certificateNo).toBeNull();
    const certificates = users.filter((u) => u.role === 'inspector').map((u) => u.certificateNo);
    expect(certificates.every((c) => c !== null)).toBe(true);
    expect(new Set(certificates).size).toBe(4);
  });

  it('gives each inspector a different, partial subset of the enterprises', () => {
    const inspectors = users.filter((u) => u.role === 'inspector');
    const seen = inspectors.map((u) =>
      district.enterprises
        .filter((e) => u.jurisdiction.includes(e.town))
        .map((e) => e.id)
        .sort()
        .join(),
    );
    expect(new Set(seen).size).toBe(inspectors.length);
    for (const s of seen) {
      const n = s.split(',').length;
      expect(n).toBeGreaterThan(3);
      expect(n).toBeLessThan(district.enterprises.length);
    }
  });

  it('has about forty enterprises with valid credit codes of the district', () => {
    expect(district.enterprises.length).toBeGreaterThanOrEqual(35);
    const codes = district.enterprises.map((e) => e.creditCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(checkUscc(code)).toEqual({ ok: true, code });
      expect(code.startsWith('91330604')).toBe(true);
    }
    const townCodes = new Set(towns.map((t) => t.code));
    for (const e of district.enterprises) {
      expect(townCodes.has(e.town)).toBe(true);
      expect(e.lat).toBeGreaterThanOrEqual(29.95);
      expect(e.lat).toBeLessThanOrEqual(30.2);
      expect(e.lon).toBeGreaterThanOrEqual(120.75);
      expect(e.lon).toBeLessThanOrEqual(120.95);
      expect(e.contacts.length).toBeGreaterThan(0);
    }
    const inZone = district.enterprises.filter((e) => e.town === '330604400').length;
    expect(inZone).toBeGreaterThan(district.enterprises.length / 2);
  });

  it('holds major hazard sources of every level, and many enterprises that are none', () => {
    const levels = district.enterprises.map((e) => gradeEnterprise(e, defaultGb18218Table).level);
    for (const level of [1, 2, 3, 4]) expect(levels).toContain(level);
    expect(levels.filter((l) => l === null).length).toBeGreaterThan(
      district.enterprises.length / 3,
    );
  });

  it('spreads the enterprises over the tracks and industries, with milestones done and not', () => {
    const tracks = new Map<string, number>();
    for (const e of district.enterprises) tracks.set(e.track, (tracks.get(e.track) ?? 0) + 1);
    expect(tracks.get('cluster_upgrade')).toBeGreaterThan(5);
    expect(tracks.get('merger')).toBeGreaterThan(5);
    expect(tracks.get('shutdown')).toBeGreaterThan(3);
    expect(tracks.get('unassigned')).toBeLessThan(5);
    expect(new Set(district.enterprises.map((e) => e.industry)).size).toBe(5);
    const milestones = district.enterprises.flatMap((e) => e.trackMilestones);
    expect(new Set(milestones.map((m) => m.due))).toEqual(new Set(['2017-12-31', '2020-12-31']));
    expect(milestones.some((m) => m.doneAt !== null)).toBe(true);
    expect(milestones.some((m) => m.doneAt === null)).toBe(true);
  });

  it('has the three checklists with stable item ids and the twenty major criteria', () => {
    const [major, safety, environment] = district.templates;
    expect(major?.title).toBe('重大隐患判定 (20 项)');
    const majorItems = major?.sections.flatMap((s) => s.items) ?? [];
    expect(majorItems.map((i) => i.majorCriterion)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(majorItems[0]?.id).toBe('mh-01');
    expect(majorItems[19]?.legalBasis).toContain('第20项');
    expect(safety?.agencyKind).toBe('safety');
    expect(safety?.sections.map((s) => s.title)).toEqual([
      '安全管理',
      '危险化学品储存',
      '消防',
      '电气',
      '特种作业',
      '应急管理',
    ]);
    expect(environment?.agencyKind).toBe('environment');
    for (const t of district.templates) {
      const ids = t.sections.flatMap((s) => s.items.map((i) => i.id));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('gives every item of every checklist its defect wording, the title of the hazard it opens', () => {
    for (const t of district.templates) {
      for (const item of t.sections.flatMap((s) => s.items)) {
        expect(item.defectText, `${t.title} ${item.id}`).toBeDefined();
        expect(item.defectText).not.toBe(item.text);
      }
    }
    const safety = district.templates[1]?.sections.flatMap((s) => s.items);
    expect(safety?.find((i) => i.id === 'gs-1-2')?.defectText).toBe(
      '主要负责人或安全生产管理人员未经考核合格',
    );
    // A hazard of the history reads as its item's defect, as one recorded on the device would.
    const defects = new Set(
      district.templates.flatMap((t) =>
        t.sections.flatMap((s) => s.items.map((i) => i.defectText)),
      ),
    );
    expect(district.findings.filter((f) => f.itemId !== null && !defects.has(f.title))).toEqual([]);
  });

  it('has inspections in every state, led within the lead inspector’s jurisdiction', () => {
    const states = new Set(
      district.inspections.map((i) => (i.status === 'draft' ? 'draft' : i.review.status)),
    );
    expect(states).toEqual(new Set(['draft', 'pending', 'approved', 'returned']));
    for (const i of district.inspections) {
      const lead = userById.get(i.leadInspectorId);
      const enterprise = enterpriseById.get(i.enterpriseId);
      expect(lead?.role).toBe('inspector');
      expect(lead?.jurisdiction).toContain(enterprise?.town);
      expect(i.templateId).toBeOneOf(district.templates.map((t) => t.id));
      for (const co of i.coInspectorIds) {
        expect(userById.get(co)?.agencyId).toBe(lead?.agencyId);
        expect(userById.get(co)?.certificateNo).not.toBeNull();
      }
      if (i.status === 'draft') {
        expect(i).toMatchObject({ finishedAt: null, refusedToSign: null, signatures: [] });
      } else {
        expect(i.signatures).toEqual([]);
        expect(i.refusedToSign?.reason).toBeTruthy();
        expect(i.coInspectorIds.length).toBeGreaterThan(0);
      }
      if (i.review.status !== 'pending') {
        expect(userById.get(i.review.reviewerId ?? '')?.role).toBe('supervisor');
      }
    }
    const leads = new Set(district.inspections.map((i) => i.leadInspectorId));
    expect(leads.size).toBe(4);
  });

  it('has findings in every state, some overdue, closed ones verified by a re-inspection', () => {
    const overdue = district.findings.filter((f) => f.status === 'open' && f.deadline < today);
    const openAhead = district.findings.filter((f) => f.status === 'open' && f.deadline >= today);
    expect(overdue.length).toBeGreaterThan(0);
    expect(openAhead.length).toBeGreaterThan(0);
    expect(district.findings.some((f) => f.status === 'rectified')).toBe(true);
    const closed = district.findings.filter((f) => f.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    for (const f of closed) {
      const re = inspectionById.get(f.verification?.inspectionId ?? '');
      expect(re?.kind).toBe('reinspection');
      expect(re?.enterpriseId).toBe(f.enterpriseId);
      expect(re?.itemResults).toContainEqual(
        expect.objectContaining({ itemId: f.itemId, result: 'pass' }),
      );
      expect(f.verification?.result).toBe('passed');
    }
    for (const f of district.findings) {
      const inspection = inspectionById.get(f.inspectionId);
      expect(inspection?.enterpriseId).toBe(f.enterpriseId);
      expect(inspection?.itemResults).toContainEqual(
        expect.objectContaining({ itemId: f.itemId, result: 'fail' }),
      );
      const template = district.templates.find((t) => t.id === inspection?.templateId);
      const item = template?.sections.flatMap((s) => s.items).find((i) => i.id === f.itemId);
      expect(f.grade).toBe(item?.majorCriterion === undefined ? 'general' : 'major');
      expect(f.photos).toEqual([]);
      if (f.status !== 'closed') expect(f.verification).toBeNull();
    }
    expect(district.findings.some((f) => f.grade === 'major')).toBe(true);
    expect(district.findings.some((f) => f.grade === 'general')).toBe(true);
  });

  it('puts every event of the history in the past', () => {
    const times = district.inspections.flatMap((i) => [
      i.startedAt,
      i.finishedAt,
      i.review.reviewedAt,
      ...i.amendments.map((a) => a.at),
    ]);
    const verified = district.findings.map((f) => f.verification?.verifiedAt ?? null);
    for (const t of [...times, ...verified]) {
      if (t !== null) expect(Date.parse(t)).toBeLessThan(now.getTime());
    }
    for (const i of district.inspections) {
      if (i.finishedAt) expect(Date.parse(i.finishedAt)).toBeGreaterThan(Date.parse(i.startedAt));
      if (i.review.reviewedAt && i.finishedAt) {
        expect(Date.parse(i.review.reviewedAt)).toBeGreaterThan(Date.parse(i.finishedAt));
      }
    }
  });
});
