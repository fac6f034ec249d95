// The demo district's past months: inspections in every state (draft, submitted and pending,
// approved, returned) and the hazards they found in every state (open, overdue, rectified,
// closed after a re-inspection). All times are counted back from `now`.
import { holdingsOf } from '../../../domain/rules/enterprise-units';
import type { Enterprise } from '../../../domain/schemas/enterprise';
import type { Finding, FindingStatus } from '../../../domain/schemas/finding';
import type { Inspection, ItemResult } from '../../../domain/schemas/inspection';
import { TOWN } from './demo-district-people';
import type { AgencyKey, DemoPeople } from './demo-district-people';
import type { DistrictClock, Rng } from './demo-district-random';
import { DAY, intIn, iso, pick, rngFor, shuffled, uuidV7 } from './demo-district-random';
import type { DemoItemSpec, DemoTemplateKey } from './demo-district-template-types';
import type { DemoTemplate } from './demo-district-templates';

type State = 'draft' | 'pending' | 'approved' | 'returned';

interface Visit {
  state: State;
  daysAgo: number;
  template: DemoTemplateKey;
  fails: number;
}

const v = (state: State, daysAgo: number, template: DemoTemplateKey, fails = 0): Visit => ({
  state,
  daysAgo,
  template,
  fails,
});

interface InspectorPlan {
  lead: string;
  co: string;
  reviewer: string;
  agency: AgencyKey;
  /** Which contact answers for findings: the safety or the environmental officer. */
  contactIndex: 0 | 1;
  visits: Visit[];
}

const plans: InspectorPlan[] = [
  {
    lead: 'inspector.li',
    co: 'inspector.wang',
    reviewer: 'supervisor.safety',
    agency: 'safety',
    contactIndex: 0,
    visits: [
      v('approved', 150, 'major', 2),
      v('approved', 120, 'safety', 3),
      v('approved', 95, 'safety', 2),
      v('approved', 70, 'major', 1),
      v('returned', 25, 'safety', 1),
      v('pending', 6, 'major', 2),
      v('pending', 3, 'safety'),
      v('draft', 1, 'safety'),
    ],
  },
  {
    lead: 'inspector.wang',
    co: 'inspector.li',
    reviewer: 'supervisor.safety',
    agency: 'safety',
    contactIndex: 0,
    visits: [
      v('approved', 160, 'safety', 2),
      v('approved', 110, 'major', 1),
      v('approved', 45, 'safety', 2),
      v('returned', 18, 'major', 1),
      v('pending', 4, 'safety', 1),
      v('draft', 2, 'major'),
    ],
  },
  {
    lead: 'inspector.chen',
    co: 'inspector.zhao',
    reviewer: 'supervisor.env',
    agency: 'environment',
    contactIndex: 1,
    visits: [
      v('approved', 140, 'environment', 2),
      v('approved', 100, 'environment', 3),
      v('approved', 50, 'environment', 1),
      v('returned', 20, 'environment', 2),
      v('pending', 8, 'environment', 1),
      v('pending', 2, 'environment'),
      v('draft', 1, 'environment'),
    ],
  },
  {
    lead: 'inspector.zhao',
    co: 'inspector.chen',
    reviewer: 'supervisor.env',
    agency: 'environment',
    contactIndex: 1,
    visits: [
      v('approved', 130, 'environment', 2),
      v('approved', 80, 'environment', 1),
      v('approved', 35, 'environment', 2),
      v('returned', 12, 'environment', 1),
      v('pending', 5, 'environment', 2),
      v('draft', 3, 'environment'),
    ],
  },
];

/**
 * Extra visits, all to one enterprise in the development zone (where the safety and the
 * environmental inspectors both work), so that the dashboard's inspection-burden warning and its
 * suggestion to combine the agencies' visits have a case to show. Drawn from their own random
 * stream after the plans above, so the rest of the history is the same with or without them.
 */
const overInspected: { plan: string; visit: Visit }[] = [
  { plan: 'inspector.li', visit: v('approved', 64, 'safety') },
  { plan: 'inspector.chen', visit: v('approved', 57, 'environment') },
  { plan: 'inspector.li', visit: v('approved', 41, 'major') },
  { plan: 'inspector.chen', visit: v('approved', 36, 'environment') },
  { plan: 'inspector.li', visit: v('approved', 15, 'safety') },
];

const refusals = [
  '企业代表对检查结论有异议，拒绝签字，两名执法人员在场见证',
  '企业代表称需请示法定代表人，未当场签字',
  '企业现场负责人拒绝签字，已录像留存',
];
const returnComments = [
  '隐患整改期限与隐患等级不符，请核实后重新提交',
  '现场照片不全，请补充隐患部位照片',
  '法律依据引用条款有误，请更正',
];
// A past deadline gives mostly closed hazards, and some left open (overdue) or awaiting checks.
const pastFates: FindingStatus[] = ['closed', 'open', 'closed', 'rectified'];
const futureFates: FindingStatus[] = ['open', 'rectified'];

export interface DemoHistory {
  inspections: Inspection[];
  findings: Finding[];
}

interface Context {
  clock: DistrictClock;
  rng: Rng;
  people: DemoPeople;
  templates: Record<DemoTemplateKey, DemoTemplate>;
  inspections: Inspection[];
  findings: Finding[];
  pastFate: number;
  futureFate: number;
}

export function buildHistory(
  clock: DistrictClock,
  people: DemoPeople,
  enterprises: Enterprise[],
  templates: Record<DemoTemplateKey, DemoTemplate>,
): DemoHistory {
  const ctx: Context = {
    clock,
    rng: rngFor('history'),
    people,
    templates,
    inspections: [],
    findings: [],
    pastFate: 0,
    futureFate: 0,
  };
  for (const plan of plans) {
    const lead = people.users.find((u) => u.record.username === plan.lead)?.record;
    if (!lead) throw new Error(`demo plan names an unknown inspector: ${plan.lead}`);
    // Enterprises that have cleared their site are no longer inspected.
    const targets = shuffled(
      ctx.rng,
      enterprises.filter((e) => lead.jurisdiction.includes(e.town) && holdingsOf(e).length > 0),
    );
    plan.visits.forEach((visit, k) => {
      const enterprise = targets[k % targets.length];
      if (enterprise) addVisit(ctx, plan, visit, enterprise);
    });
  }
  const hotspot = enterprises.find((e) => holdingsOf(e).length > 0 && e.town === TOWN.zone);
  if (hotspot) {
    const extra: Context = { ...ctx, rng: rngFor('history-over-inspected') };
    for (const { plan: lead, visit } of overInspected) {
      const plan = plans.find((p) => p.lead === lead);
      if (plan) addVisit(extra, plan, visit, hotspot);
    }
  }
  return { inspections: ctx.inspections, findings: ctx.findings };
}

function userId(ctx: Context, username: string): string {
  const id = ctx.people.userIds[username];
  if (!id) throw new Error(`demo plan names an unknown user: ${username}`);
  return id;
}

function addVisit(ctx: Context, plan: InspectorPlan, visit: Visit, enterprise: Enterprise): void {
  const { clock, rng } = ctx;
  const template = ctx.templates[visit.template];
  const startMs = clock.at(visit.daysAgo, intIn(rng, 9, 14), pick(rng, [0, 15, 30, 45]));
  const finishMs = startMs + intIn(rng, 80, 200) * 60_000;
  const reviewMs = finishMs + intIn(rng, 1, 3) * DAY + intIn(rng, 0, 120) * 60_000;
  const draft = visit.state === 'draft';
  const failing = new Set(
    draft
      ? []
      : shuffled(rng, template.items)
          .slice(0, visit.fails)
          .map((i) => i.id),
  );
  // A draft is still being filled in: only the first part of the checklist has results.
  const checked = draft
    ? template.items.slice(0, Math.ceil(template.items.length / 2))
    : template.items;
  const itemResults: ItemResult[] = checked.map((item) => {
    if (failing.has(item.id)) return { itemId: item.id, result: 'fail', note: item.problem };
    if (rng() < 0.08) return { itemId: item.id, result: 'na', note: '不涉及' };
    return { itemId: item.id, result: 'pass', note: '' };
  });
  const contact = enterprise.contacts[plan.contactIndex] ?? enterprise.contacts[0];
  const leadId = userId(ctx, plan.lead);
  const reviewed = visit.state === 'approved' || visit.state === 'returned';
  const inspection: Inspection = {
    id: uuidV7(startMs, rng),
    version: 0,
    updatedAt: iso(draft ? startMs + 40 * 60_000 : reviewed ? reviewMs : finishMs),
    deletedAt: null,
    createdBy: ctx.people.adminId,
    enterpriseId: enterprise.id,
    templateId: template.record.id,
    templateVersion: template.record.version,
    kind: visit.template === 'major' ? 'special' : 'routine',
    agencyIds: [ctx.people.agencyIds[plan.agency]],
    leadInspectorId: leadId,
    coInspectorIds: [userId(ctx, plan.co)],
    startedAt: iso(startMs),
    finishedAt: draft ? null : iso(finishMs),
    location: locationNear(rng, enterprise),
    itemResults,
    enterpriseRep: contact ? { name: contact.name, title: contact.title } : null,
    signatures: [],
    refusedToSign: draft ? null : { reason: pick(rng, refusals) },
    status: draft ? 'draft' : 'submitted',
    review: reviewed
      ? {
          status: visit.state === 'approved' ? 'approved' : 'returned',
          comment: visit.state === 'approved' ? '同意。' : pick(rng, returnComments),
          reviewerId: userId(ctx, plan.reviewer),
          reviewedAt: iso(reviewMs),
        }
      : { status: 'pending', comment: '', reviewerId: null, reviewedAt: null },
    amendments:
      visit.state === 'approved' && visit.daysAgo >= 140
        ? [{ at: iso(finishMs + 4 * 3_600_000), by: leadId, reason: '补充企业现场负责人职务信息' }]
        : [],
  };
  ctx.inspections.push(inspection);

  const items = template.items.filter((i) => failing.has(i.id));
  const closing: Finding[] = [];
  for (const item of items) {
    const finding = makeFinding(ctx, visit, inspection, item, startMs, finishMs, contact?.name);
    ctx.findings.push(finding);
    if (finding.status === 'closed') closing.push(finding);
  }
  if (closing.length > 0) addReinspection(ctx, inspection, closing, startMs, visit.daysAgo);
}

function locationNear(rng: Rng, e: Enterprise): Inspection['location'] {
  const jitter = () => (rng() * 2 - 1) * 0.0008;
  return {
    lat: Math.round((e.lat + jitter()) * 1e6) / 1e6,
    lon: Math.round((e.lon + jitter()) * 1e6) / 1e6,
    accuracyM: intIn(rng, 4, 30),
  };
}

function makeFinding(
  ctx: Context,
  visit: Visit,
  inspection: Inspection,
  item: DemoItemSpec,
  startMs: number,
  finishMs: number,
  responsible: string | undefined,
): Finding {
  const { clock, rng } = ctx;
  const major = item.majorCriterion !== undefined;
  const deadlineDays = major ? 45 : pick(rng, [7, 15, 30]);
  const deadline = clock.dateAfter(startMs, deadlineDays);
  let status: FindingStatus = 'open';
  if (visit.state === 'approved') {
    status =
      deadline < clock.today
        ? (pastFates[ctx.pastFate++ % pastFates.length] as FindingStatus)
        : (futureFates[ctx.futureFate++ % futureFates.length] as FindingStatus);
  }
  // Rectified some days after the visit, before the deadline and before today.
  const rectifiedMs =
    startMs + intIn(rng, 1, Math.max(1, Math.min(deadlineDays, visit.daysAgo) - 1)) * DAY;
  return {
    id: uuidV7(finishMs, rng),
    version: 0,
    updatedAt: iso(status === 'rectified' ? rectifiedMs : finishMs),
    deletedAt: null,
    createdBy: ctx.people.adminId,
    inspectionId: inspection.id,
    enterpriseId: inspection.enterpriseId,
    itemId: item.id,
    title: item.problem,
    description: describe(item),
    category: item.category,
    grade: major ? 'major' : 'general',
    legalBasis: item.legalBasis,
    requirement: item.requirement,
    deadline,
    responsiblePerson: responsible ?? '企业主要负责人',
    photos: [],
    status,
    verification: null,
  };
}

/** The wording of an on-site record: what was found and which rule it breaks. */
function describe(item: DemoItemSpec): string {
  const found = `经现场检查，${item.problem}`;
  if (item.majorCriterion === undefined) return `${found}，不符合${item.legalBasis}的规定。`;
  const criterion = `《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第${item.majorCriterion}项`;
  const breaks = item.legalBasis === criterion ? '' : `，不符合${item.legalBasis}的规定`;
  return `${found}${breaks}，属于${criterion}所列重大事故隐患。`;
}

/** A re-inspection before the earliest deadline verifies and closes the given hazards. */
function addReinspection(
  ctx: Context,
  original: Inspection,
  closing: Finding[],
  startMs: number,
  daysAgo: number,
): void {
  const { clock, rng } = ctx;
  const firstDeadline = closing.map((f) => f.deadline).sort()[0] as string;
  const daysToDeadline = Math.round(
    (Date.parse(firstDeadline) - Date.parse(clock.dateOf(startMs))) / DAY,
  );
  const offset = Math.max(1, Math.min(daysToDeadline - intIn(rng, 0, 3), daysAgo - 1));
  const reStart = clock.at(daysAgo - offset, intIn(rng, 9, 15), pick(rng, [0, 30]));
  const reFinish = reStart + intIn(rng, 40, 90) * 60_000;
  const reviewMs = Math.min(reFinish + intIn(rng, 4, 30) * 3_600_000, clock.nowMs - 3_600_000);
  const re: Inspection = {
    ...original,
    id: uuidV7(reStart, rng),
    updatedAt: iso(reviewMs),
    kind: 'reinspection',
    startedAt: iso(reStart),
    finishedAt: iso(reFinish),
    location: original.location,
    itemResults: closing.map((f) => ({
      itemId: f.itemId ?? '',
      result: 'pass',
      note: '已整改到位',
    })),
    refusedToSign: { reason: pick(rng, refusals) },
    review: {
      status: 'approved',
      comment: '同意销号。',
      reviewerId: original.review.reviewerId,
      reviewedAt: iso(reviewMs),
    },
    amendments: [],
  };
  ctx.inspections.push(re);
  for (const f of closing) {
    f.updatedAt = iso(reFinish);
    f.verification = {
      inspectionId: re.id,
      verifiedBy: original.leadInspectorId,
      verifiedAt: iso(reFinish),
      result: 'passed',
      photos: [],
    };
  }
}
