// The demo district's agencies and accounts. Every demo password is the same, printed at start.
import type { Agency, AgencyKind } from '../../../domain/schemas/agency';
import type { Role, User } from '../../../domain/schemas/user';
import { towns } from '../../../domain/data/towns';
import type { DistrictClock } from './demo-district-random';
import { DAY, intIn, iso, localInstant, rngFor, uuidV7 } from './demo-district-random';

export const DEMO_PASSWORD = 'demo12345';

export const TOWN = {
  baiguan: '330604001',
  caoe: '330604002',
  dongguan: '330604003',
  daoxu: '330604004',
  songxia: '330604005',
  zhangzhen: '330604101',
  yiting: '330604102',
  zone: '330604400',
} as const;
export type TownKey = keyof typeof TOWN;

const agencySpecs: { key: AgencyKey; name: string; shortName: string; kind: AgencyKind }[] = [
  { key: 'safety', name: '上虞区应急管理局', shortName: '上虞应急', kind: 'safety' },
  {
    key: 'environment',
    name: '绍兴市生态环境局上虞分局',
    shortName: '绍环上虞',
    kind: 'environment',
  },
  { key: 'economy', name: '上虞区经济和信息化局', shortName: '上虞经信', kind: 'economy' },
  { key: 'zone', name: '杭州湾上虞经济技术开发区管委会', shortName: '杭湾管委', kind: 'zone' },
  { key: 'daoxu', name: '道墟街道办事处', shortName: '道墟街道', kind: 'town' },
];
export type AgencyKey = 'safety' | 'environment' | 'economy' | 'zone' | 'daoxu';

const allTowns = towns.map((t) => t.code);

interface UserSpec {
  username: string;
  displayName: string;
  role: Role;
  agency: AgencyKey;
  jurisdiction: readonly string[];
  certificateNo: string | null;
}

const userSpecs: UserSpec[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    agency: 'safety',
    jurisdiction: allTowns,
    certificateNo: null,
  },
  {
    username: 'supervisor.safety',
    displayName: '孙立群',
    role: 'supervisor',
    agency: 'safety',
    jurisdiction: allTowns,
    certificateNo: 'ZJ33060410002',
  },
  {
    username: 'supervisor.env',
    displayName: '何晓燕',
    role: 'supervisor',
    agency: 'environment',
    jurisdiction: allTowns,
    certificateNo: 'ZJ33060420002',
  },
  {
    username: 'inspector.li',
    displayName: '李明',
    role: 'inspector',
    agency: 'safety',
    jurisdiction: [TOWN.zone, TOWN.daoxu],
    certificateNo: 'ZJ33060410017',
  },
  {
    username: 'inspector.wang',
    displayName: '王磊',
    role: 'inspector',
    agency: 'safety',
    jurisdiction: [TOWN.baiguan, TOWN.caoe, TOWN.dongguan],
    certificateNo: 'ZJ33060410023',
  },
  {
    username: 'inspector.chen',
    displayName: '陈静',
    role: 'inspector',
    agency: 'environment',
    jurisdiction: [TOWN.zone, TOWN.songxia],
    certificateNo: 'ZJ33060420031',
  },
  {
    username: 'inspector.zhao',
    displayName: '赵强',
    role: 'inspector',
    agency: 'environment',
    jurisdiction: [TOWN.zhangzhen, TOWN.yiting, TOWN.daoxu],
    certificateNo: 'ZJ33060420045',
  },
];

export interface DemoPeople {
  agencies: Agency[];
  agencyIds: Record<AgencyKey, string>;
  users: { record: User; password: string }[];
  /** User ids by username. */
  userIds: Record<string, string>;
  adminId: string;
}

export function buildPeople(clock: DistrictClock): DemoPeople {
  // Ids depend only on fixed dates and fixed streams, so they are the same whatever `now` is.
  const idRng = rngFor('ids/people');
  const touched = rngFor('updated/people');
  const updatedAt = () =>
    iso(clock.nowMs - intIn(touched, 60, 180) * DAY - intIn(touched, 0, 600) * 60_000);

  const agencyIds = {} as Record<AgencyKey, string>;
  agencySpecs.forEach((a, i) => {
    agencyIds[a.key] = uuidV7(localInstant('2017-01-03', 9, i), idRng);
  });
  const userIds: Record<string, string> = {};
  userSpecs.forEach((u, i) => {
    userIds[u.username] = uuidV7(localInstant('2017-01-04', 9, i), idRng);
  });
  const adminId = userIds['admin'] as string;

  const sync = () => ({ version: 0, updatedAt: updatedAt(), deletedAt: null, createdBy: adminId });
  const agencies: Agency[] = agencySpecs.map((a) => ({
    id: agencyIds[a.key],
    ...sync(),
    name: a.name,
    shortName: a.shortName,
    kind: a.kind,
  }));
  const users = userSpecs.map((u) => ({
    record: {
      id: userIds[u.username] as string,
      ...sync(),
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      agencyId: agencyIds[u.agency],
      jurisdiction: [...u.jurisdiction],
      certificateNo: u.certificateNo,
    },
    password: DEMO_PASSWORD,
  }));
  return { agencies, agencyIds, users, userIds, adminId };
}
