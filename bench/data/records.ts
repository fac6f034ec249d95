// Benchmark records: an agency, one inspector whose jurisdiction covers every town, enterprises
// spread over the towns, one inspection per enterprise led by that inspector, and hazards
// (findings) of those inspections. Every record is valid for its domain schema; the same seed
// gives the same records wherever they are built (server seeder, anchor loader, browser page).
import { towns } from '../../domain/data/towns';
import { unitsFromChemicals } from '../../domain/rules/enterprise-units';
import { USCC_ALPHABET, usccCheckCharacter } from '../../domain/rules/uscc';
import type { Agency } from '../../domain/schemas/agency';
import type { BlobRef } from '../../domain/schemas/common';
import type { Enterprise } from '../../domain/schemas/enterprise';
import type { Finding } from '../../domain/schemas/finding';
import { findingCategories } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { User } from '../../domain/schemas/user';
import type { Rng } from './rng';
import { createRng, intIn, pick, uuidFrom } from './rng';

const EPOCH = Date.parse('2026-01-05T08:00:00.000+08:00');
const STAMP = '2026-11-20T09:30:00.000+08:00';

export const BENCH_PASSWORD = 'bench-password-1';
export const BENCH_USERNAME = 'bench.inspector';

export interface BenchPeople {
  agency: Agency;
  inspector: User;
}

export function benchPeople(): BenchPeople {
  const rng = createRng(1);
  const agencyId = uuidFrom(rng, EPOCH);
  const inspectorId = uuidFrom(rng, EPOCH + 1);
  const sync = { version: 0, updatedAt: STAMP, deletedAt: null, createdBy: inspectorId };
  return {
    agency: { id: agencyId, ...sync, name: '区应急管理局', kind: 'safety' },
    inspector: {
      id: inspectorId,
      ...sync,
      username: BENCH_USERNAME,
      displayName: '基准检查员',
      role: 'inspector',
      agencyId,
      jurisdiction: towns.map((t) => t.code),
      certificateNo: 'ZJ-BENCH-0001',
    },
  };
}

const chemicals = [
  { name: '液氨', cas: '7664-41-7' },
  { name: '氯气', cas: '7782-50-5' },
  { name: '环氧乙烷', cas: '75-21-8' },
  { name: '二氧化硫', cas: '7446-09-5' },
  { name: '甲醇', cas: '67-56-1' },
  { name: '甲苯', cas: '108-88-3' },
  { name: '丙酮', cas: '67-64-1' },
];
const industries = ['精细化工', '医药中间体', '染料及中间体', '农药', '涂料', '合成材料'];
const surnames = '张王李赵陈刘杨黄周吴徐孙马朱胡郭何高林罗'.split('');
const givenNames = ['建华', '伟', '芳', '军', '海涛', '丽娟', '国强', '志明', '晓东', '春燕'];
const person = (rng: Rng) => pick(rng, surnames) + pick(rng, givenNames);

function creditCode(rng: Rng, index: number): string {
  // The index keeps codes unique; the rest only has to look like an organisation code.
  const org = `MA${String(index).padStart(5, '0')}${pick(rng, [...USCC_ALPHABET])}${pick(rng, [...USCC_ALPHABET])}`;
  const body = `91330604${org}`;
  return body + usccCheckCharacter(body);
}

export function benchEnterprises(count: number, createdBy: string, seed = 2): Enterprise[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i): Enterprise => {
    const town = towns[i % towns.length]!;
    const held = Array.from({ length: intIn(rng, 1, 3) }, () => ({
      ...pick(rng, chemicals),
      maxQuantityT: intIn(rng, 1, 800),
    }));
    return {
      id: uuidFrom(rng, EPOCH + 1000 + i),
      version: 0,
      updatedAt: STAMP,
      deletedAt: null,
      createdBy,
      name: `${town.nameZh}${pick(rng, ['华泰', '新安', '龙盛', '闰土', '恒丰', '东辰'])}化工有限公司${i + 1}`,
      creditCode: creditCode(rng, i),
      address: `${town.nameZh}工业园区${intIn(rng, 1, 300)}号`,
      town: town.code,
      lat: 30 + rng() * 0.2,
      lon: 120.7 + rng() * 0.25,
      industry: pick(rng, industries),
      contacts: [
        {
          name: person(rng),
          title: '安全负责人',
          phone: `138${intIn(rng, 10_000_000, 99_999_999)}`,
        },
      ],
      units: unitsFromChemicals(held),
      peopleWithin500m: intIn(rng, 0, 400),
      track: pick(rng, ['cluster_upgrade', 'merger', 'shutdown', 'unassigned'] as const),
      trackMilestones: [
        { title: '完成清洁化生产、智能化装备和信息化管理改造', due: '2027-12-31', doneAt: null },
      ],
    };
  });
}

/** One draft routine inspection per enterprise, led by `inspectorId`. */
export function benchInspections(
  enterprises: readonly Enterprise[],
  people: BenchPeople,
  seed = 3,
): Inspection[] {
  const rng = createRng(seed);
  const templateId = uuidFrom(rng, EPOCH);
  return enterprises.map((enterprise, i): Inspection => ({
    id: uuidFrom(rng, EPOCH + 5000 + i),
    version: 0,
    updatedAt: STAMP,
    deletedAt: null,
    createdBy: people.inspector.id,
    enterpriseId: enterprise.id,
    templateId,
    templateVersion: 1,
    kind: 'routine',
    agencyIds: [people.agency.id],
    leadInspectorId: people.inspector.id,
    coInspectorIds: [],
    startedAt: STAMP,
    finishedAt: null,
    location: { lat: enterprise.lat, lon: enterprise.lon, accuracyM: 12 },
    itemResults: [],
    enterpriseRep: null,
    signatures: [],
    refusedToSign: null,
    status: 'draft',
    review: { status: 'pending', comment: '', reviewerId: null, reviewedAt: null },
    amendments: [],
  }));
}

export const hazardTitles = [
  '储罐区未设置可燃气体报警器',
  '甲类仓库防爆电气设施损坏',
  '动火作业未办理作业票',
  '危险废物贮存场所未设置标识',
  '应急预案未按期演练',
  '废气收集装置运行不正常',
  '消防通道被物料堵塞',
  '特种作业人员无证上岗',
  '反应釜安全阀未定期校验',
  '废水排放口在线监测故障',
];
const basis = [
  '《危险化学品安全管理条例》第二十条',
  '《安全生产法》第三十六条',
  '《固体废物污染环境防治法》第七十七条',
];

/** What a hazard needs from its inspection. */
export interface InspectionKey {
  inspectionId: string;
  enterpriseId: string;
  createdBy: string;
}

export function inspectionKeys(inspections: readonly Inspection[]): InspectionKey[] {
  return inspections.map((i) => ({
    inspectionId: i.id,
    enterpriseId: i.enterpriseId,
    createdBy: i.leadInspectorId,
  }));
}

/**
 * `count` hazards spread evenly over `keys`; hazard i gets `photosOf(i)` as its photos. Statuses,
 * grades and deadlines vary so that every list filter selects a real share of them.
 */
export function benchFindings(
  keys: readonly InspectionKey[],
  count: number,
  seed: number,
  photosOf: (index: number) => BlobRef[] = () => [],
): Finding[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i): Finding => {
    const key = keys[i % keys.length]!;
    const title = pick(rng, hazardTitles);
    const month = String(intIn(rng, 1, 12)).padStart(2, '0');
    const day = String(intIn(rng, 1, 28)).padStart(2, '0');
    const roll = rng();
    return {
      id: uuidFrom(rng, EPOCH + 100_000 + seed * 1_000_000 + i),
      version: 0,
      updatedAt: STAMP,
      deletedAt: null,
      createdBy: key.createdBy,
      inspectionId: key.inspectionId,
      enterpriseId: key.enterpriseId,
      itemId: null,
      title,
      description: `现场检查发现${title}，编号${i + 1}，已告知企业安全负责人并要求限期整改。`,
      category: pick(rng, findingCategories),
      grade: rng() < 0.15 ? 'major' : 'general',
      legalBasis: pick(rng, basis),
      requirement: '立即组织整改，整改完成后书面报告并申请复查。',
      deadline: `${pick(rng, ['2026', '2027'])}-${month}-${day}`,
      responsiblePerson: person(rng),
      photos: photosOf(i),
      status: roll < 0.6 ? 'open' : roll < 0.8 ? 'rectified' : 'closed',
      verification: null,
    };
  });
}
