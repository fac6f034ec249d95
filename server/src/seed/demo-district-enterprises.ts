// Turns the hand-written enterprise specs into Enterprise records: credit codes with computed check
// characters, coordinates around each town, addresses, contacts and track milestones.
import { townName } from '../../../domain/data/towns';
import { USCC_ALPHABET, usccCheckCharacter } from '../../../domain/rules/uscc';
import { unitsFromChemicals } from '../../../domain/rules/enterprise-units';
import type { Contact, Enterprise, Milestone, Track } from '../../../domain/schemas/enterprise';
import { chemicalNames, enterpriseSpecs } from './demo-district-enterprise-specs';
import type { TownKey } from './demo-district-people';
import { TOWN } from './demo-district-people';
import type { DistrictClock, Rng } from './demo-district-random';
import { DAY, intIn, iso, localInstant, pick, rngFor, uuidV7 } from './demo-district-random';

/** Rough centre of each town's industrial land; the zone is the chemical park by the bay. */
const centres: Record<TownKey, { lat: number; lon: number; spread: number }> = {
  zone: { lat: 30.155, lon: 120.855, spread: 0.02 },
  daoxu: { lat: 30.085, lon: 120.79, spread: 0.01 },
  baiguan: { lat: 30.03, lon: 120.875, spread: 0.01 },
  caoe: { lat: 30.012, lon: 120.845, spread: 0.01 },
  dongguan: { lat: 30.04, lon: 120.77, spread: 0.01 },
  songxia: { lat: 30.112, lon: 120.885, spread: 0.01 },
  zhangzhen: { lat: 29.968, lon: 120.905, spread: 0.008 },
  yiting: { lat: 30.03, lon: 120.93, spread: 0.008 },
};

const zoneRoads = ['纬三路', '纬五路', '纬七路', '经九路', '经十一路', '经十三路', '海天大道'];
const townStreets = ['工业园区', '兴业路', '创业路', '工业功能区', '振兴路'];
const surnames = '张王李赵陈刘杨黄周吴徐孙马朱胡郭何高林罗郑谢宋韩唐冯'.split('');
const givenNames = [
  '建华',
  '伟',
  '芳',
  '军',
  '海涛',
  '丽娟',
  '国强',
  '志明',
  '晓东',
  '春燕',
  '永强',
  '红梅',
  '立新',
  '振宇',
  '雪琴',
  '德明',
  '文斌',
  '秀英',
];

const milestoneTitles: Record<Track, [string, string] | [string]> = {
  cluster_upgrade: ['完成清洁化生产、智能化装备和信息化管理改造', '通过集聚提升验收，入园集聚发展'],
  merger: ['签订兼并重组协议', '完成兼并重组并办理变更登记'],
  shutdown: ['停止生产并拆除主要生产装置', '完成危险化学品及危险废物清运和场地调查'],
  unassigned: ['确定整治路径（集聚提升、兼并重组或关停淘汰）'],
};
const dues = ['2017-12-31', '2020-12-31'] as const;

function creditCode(rng: Rng, taken: Set<string>): string {
  for (;;) {
    // Older organisation codes are 8 digits and a check digit; newer ones start with MA.
    const org =
      rng() < 0.5
        ? `${intIn(rng, 10_000_000, 79_999_999)}${pick(rng, [...'0123456789X'])}`
        : `MA2${Array.from({ length: 6 }, () => pick(rng, [...USCC_ALPHABET])).join('')}`;
    const body = `91330604${org}`;
    const code = body + usccCheckCharacter(body);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function person(rng: Rng): string {
  return pick(rng, surnames) + pick(rng, givenNames);
}

function contacts(rng: Rng): Contact[] {
  const mobile = () =>
    `1${pick(rng, ['35', '37', '38', '39', '58', '59', '87'])}${intIn(rng, 10_000_000, 99_999_999)}`;
  return [
    { name: person(rng), title: '安全负责人', phone: mobile() },
    { name: person(rng), title: '环保负责人', phone: `0575-82${intIn(rng, 100_000, 999_999)}` },
    { name: person(rng), title: '法定代表人', phone: mobile() },
  ];
}

function milestones(rng: Rng, track: Track, done: number, nowMs: number): Milestone[] {
  return milestoneTitles[track].map((title, i) => {
    const due = dues[i] as string;
    // Most were met before the due date; some a few weeks late.
    const days = rng() < 0.8 ? -intIn(rng, 5, 200) : intIn(rng, 5, 80);
    const at = localInstant(due, 10, 0) + days * DAY;
    return { title, due, doneAt: i < done && at <= nowMs ? iso(at) : null };
  });
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function buildEnterprises(clock: DistrictClock, adminId: string): Enterprise[] {
  const idRng = rngFor('ids/enterprises');
  const codeRng = rngFor('credit-codes');
  const placeRng = rngFor('places');
  const contactRng = rngFor('contacts');
  const milestoneRng = rngFor('milestones');
  const touched = rngFor('updated/enterprises');
  const taken = new Set<string>();

  return enterpriseSpecs.map((spec, i) => {
    const c = centres[spec.town];
    const town = TOWN[spec.town];
    const address =
      spec.town === 'zone'
        ? `${townName(town, 'zh')}${pick(placeRng, zoneRoads)}${intIn(placeRng, 1, 199)}号`
        : `绍兴市上虞区${townName(town, 'zh')}${pick(placeRng, townStreets)}${intIn(placeRng, 1, 99)}号`;
    return {
      id: uuidV7(localInstant('2017-03-15', 9, 0) + i * 3_600_000, idRng),
      version: 0,
      updatedAt: iso(clock.nowMs - intIn(touched, 20, 170) * DAY - intIn(touched, 0, 600) * 60_000),
      deletedAt: null,
      createdBy: adminId,
      name: spec.name,
      creditCode: creditCode(codeRng, taken),
      address,
      town,
      lat: round6(c.lat + (placeRng() * 2 - 1) * c.spread),
      lon: round6(c.lon + (placeRng() * 2 - 1) * c.spread),
      industry: spec.industry,
      contacts: contacts(contactRng),
      units: unitsFromChemicals(
        spec.chemicals.map(([cas, t]) => ({
          name: chemicalNames[cas] ?? cas,
          cas,
          maxQuantityT: t,
        })),
      ),
      peopleWithin500m: spec.peopleWithin500m,
      track: spec.track,
      trackMilestones: milestones(milestoneRng, spec.track, spec.milestonesDone, clock.nowMs),
    };
  });
}
