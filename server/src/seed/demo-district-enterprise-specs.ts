// The demo district's chemical enterprises as written by hand: name, place, industry, track,
// people nearby, milestone progress and inventory. Everything here is fictional; the inventories
// are chosen so that the district holds major hazard sources of every level and many that are not.
import type { Track } from '../../../domain/schemas/enterprise';
import type { TownKey } from './demo-district-people';

export const industries = ['染料颜料', '医药中间体', '涂料油漆', '农药', '精细化工'] as const;
export type Industry = (typeof industries)[number];

export interface EnterpriseSpec {
  name: string;
  town: TownKey;
  industry: Industry;
  track: Track;
  peopleWithin500m: number;
  /** How many of the track's milestones are done (0, 1 or 2). */
  milestonesDone: 0 | 1 | 2;
  /** [CAS, maximum quantity in tonnes]. */
  chemicals: [string, number][];
}

/** Names as they appear on enterprises' own inventories. */
export const chemicalNames: Record<string, string> = {
  '7782-50-5': '液氯',
  '7664-41-7': '液氨',
  '75-44-5': '光气',
  '1333-74-0': '氢气',
  '7446-09-5': '二氧化硫',
  '75-21-8': '环氧乙烷',
  '75-56-9': '环氧丙烷',
  '7664-39-3': '无水氟化氢',
  '74-83-9': '溴甲烷',
  '7726-95-6': '溴',
  '71-43-2': '苯',
  '108-88-3': '甲苯',
  '67-56-1': '甲醇',
  '64-17-5': '乙醇',
  '67-64-1': '丙酮',
  '141-78-6': '乙酸乙酯',
  '100-42-5': '苯乙烯',
  '75-15-0': '二硫化碳',
  '60-29-7': '乙醚',
  '7697-37-2': '发烟硝酸',
  '6484-52-2': '硝酸铵',
  // Not in the GB 18218 table: listed by the assessment as unknown, never silently dropped.
  '75-09-2': '二氯甲烷',
  '98-95-3': '硝基苯',
  '62-53-3': '苯胺',
  '7664-93-9': '硫酸',
  '68-12-2': 'N,N-二甲基甲酰胺',
  '1330-20-7': '二甲苯',
};

const e = (
  name: string,
  town: TownKey,
  industry: Industry,
  track: Track,
  peopleWithin500m: number,
  milestonesDone: 0 | 1 | 2,
  chemicals: [string, number][],
): EnterpriseSpec => ({ name, town, industry, track, peopleWithin500m, milestonesDone, chemicals });

// Comments give the GB 18218 outcome the inventory was chosen for (S, R, level).
export const enterpriseSpecs: EnterpriseSpec[] = [
  // S 27.6, R 2 × 102.6 = 205 → level 1
  e('浙江虞澄化工有限公司', 'zone', '精细化工', 'cluster_upgrade', 150, 2, [
    ['7782-50-5', 120],
    ['7664-41-7', 30],
    ['108-88-3', 300],
  ]),
  // S 7.3, R 1.5 × 133.9 = 201 → level 1
  e('浙江瑞邦农化有限公司', 'zone', '农药', 'cluster_upgrade', 80, 2, [
    ['75-44-5', 2],
    ['108-88-3', 300],
    ['75-09-2', 200],
  ]),
  // S 10.4, R 1.5 × 40.4 = 60.6 → level 2
  e('浙江海晟染料有限公司', 'zone', '染料颜料', 'cluster_upgrade', 60, 1, [
    ['7782-50-5', 50],
    ['67-56-1', 200],
    ['98-95-3', 150],
  ]),
  // S 15, R 2 × 30 = 60 → level 2
  e('浙江中禾植保科技有限公司', 'zone', '农药', 'merger', 120, 1, [
    ['7664-41-7', 100],
    ['7446-09-5', 60],
    ['75-21-8', 20],
  ]),
  // S 4.1, R 2 × 16.1 = 32.2 → level 3
  e('浙江禾润药业化工有限公司', 'zone', '医药中间体', 'cluster_upgrade', 100, 2, [
    ['7782-50-5', 20],
    ['64-17-5', 50],
  ]),
  // S 8, R 1.2 × 11 = 13.2 → level 3
  e('浙江远辰溴化工有限公司', 'zone', '精细化工', 'cluster_upgrade', 40, 1, [
    ['7726-95-6', 100],
    ['7664-41-7', 30],
  ]),
  // S 8.4, R 1.5 × 9.6 = 14.4 → level 3
  e('浙江启航医药化工有限公司', 'zone', '医药中间体', 'cluster_upgrade', 70, 2, [
    ['1333-74-0', 12],
    ['108-88-3', 1500],
    ['67-56-1', 1000],
    ['67-64-1', 500],
  ]),
  // S 7, R 1.2 × 10 = 12 → level 3
  e('浙江嘉澍化工有限公司', 'zone', '精细化工', 'merger', 35, 1, [
    ['75-21-8', 30],
    ['75-56-9', 40],
  ]),
  // S 1.4, R 1.0 × 1.4 → level 4
  e('浙江德和染化有限公司', 'zone', '染料颜料', 'cluster_upgrade', 20, 1, [
    ['108-88-3', 400],
    ['67-56-1', 300],
    ['62-53-3', 80],
  ]),
  // S 1.3, R 0.5 × 5 = 2.5 → level 4
  e('浙江晨阳氟化工有限公司', 'zone', '精细化工', 'cluster_upgrade', 0, 2, [
    ['7664-39-3', 0.8],
    ['7664-41-7', 5],
  ]),
  // S 1.7, R 1.2 × 1.7 = 2.04 → level 4
  e('浙江铭远新材料科技有限公司', 'zone', '精细化工', 'cluster_upgrade', 45, 1, [
    ['71-43-2', 60],
    ['7697-37-2', 50],
  ]),
  // Ammonium nitrate at the stricter Q = 5: S 1.4, R 1.4 → level 4
  e('浙江新湾化学有限公司', 'zone', '精细化工', 'merger', 25, 0, [
    ['6484-52-2', 6],
    ['64-17-5', 100],
  ]),
  e('浙江恒川颜料有限公司', 'zone', '染料颜料', 'cluster_upgrade', 60, 2, [
    ['67-56-1', 80],
    ['7664-93-9', 200],
    ['62-53-3', 40],
  ]),
  e('浙江鼎泰涂料有限公司', 'zone', '涂料油漆', 'cluster_upgrade', 30, 1, [
    ['108-88-3', 120],
    ['141-78-6', 80],
    ['1330-20-7', 100],
  ]),
  e('绍兴澜湾精细化工有限公司', 'zone', '精细化工', 'merger', 15, 1, [
    ['7664-41-7', 6],
    ['67-56-1', 100],
  ]),
  e('浙江科瑞医药中间体有限公司', 'zone', '医药中间体', 'cluster_upgrade', 90, 2, [
    ['1333-74-0', 2],
    ['67-56-1', 150],
    ['68-12-2', 60],
  ]),
  e('浙江锦程颜料科技有限公司', 'zone', '染料颜料', 'cluster_upgrade', 55, 1, [
    ['7697-37-2', 40],
    ['7664-41-7', 3],
  ]),
  e('浙江润泽涂装材料有限公司', 'zone', '涂料油漆', 'merger', 10, 0, [
    ['108-88-3', 150],
    ['67-64-1', 100],
    ['141-78-6', 100],
  ]),
  e('浙江凯晟农药有限公司', 'zone', '农药', 'cluster_upgrade', 40, 1, [
    ['75-15-0', 20],
    ['67-56-1', 100],
  ]),
  e('绍兴海纳医药化工有限公司', 'zone', '医药中间体', 'merger', 75, 1, [
    ['60-29-7', 4],
    ['64-17-5', 200],
  ]),
  e('浙江蓝湾染料化工有限公司', 'zone', '染料颜料', 'cluster_upgrade', 110, 2, [
    ['7782-50-5', 3],
    ['7664-93-9', 300],
    ['98-95-3', 50],
  ]),
  e('浙江东港涂料有限公司', 'zone', '涂料油漆', 'unassigned', 20, 0, [
    ['100-42-5', 100],
    ['108-88-3', 100],
  ]),
  // S 1.7, R 2 × 3.2 = 6.4 → level 4
  e('绍兴市上虞兴达化工有限公司', 'daoxu', '精细化工', 'merger', 130, 1, [
    ['7664-41-7', 15],
    ['67-56-1', 100],
  ]),
  e('绍兴市上虞永丰染料有限公司', 'daoxu', '染料颜料', 'shutdown', 90, 1, [
    ['62-53-3', 20],
    ['7664-93-9', 50],
  ]),
  e('绍兴市上虞康宁医药化工有限公司', 'daoxu', '医药中间体', 'merger', 60, 0, [
    ['108-88-3', 60],
    ['64-17-5', 40],
  ]),
  e('绍兴市上虞华宇涂料有限公司', 'daoxu', '涂料油漆', 'shutdown', 200, 2, []),
  e('绍兴市上虞百和化工有限公司', 'baiguan', '精细化工', 'shutdown', 300, 1, [
    ['67-56-1', 30],
    ['7664-41-7', 2],
  ]),
  e('绍兴市上虞天成颜料有限公司', 'baiguan', '染料颜料', 'merger', 150, 1, [
    ['67-56-1', 40],
    ['7664-93-9', 30],
  ]),
  // S 1.3, R 2 × 4.9 = 9.8 → level 4
  e('绍兴市上虞曹江化工有限公司', 'caoe', '精细化工', 'cluster_upgrade', 110, 1, [
    ['7782-50-5', 6],
    ['108-88-3', 50],
  ]),
  e('绍兴市上虞舜晖农药有限公司', 'caoe', '农药', 'merger', 80, 1, [
    ['67-56-1', 60],
    ['75-09-2', 30],
  ]),
  e('绍兴市上虞宏达涂料有限公司', 'caoe', '涂料油漆', 'shutdown', 140, 2, []),
  e('绍兴市上虞东晟染化有限公司', 'dongguan', '染料颜料', 'merger', 95, 0, [
    ['7697-37-2', 20],
    ['62-53-3', 10],
  ]),
  e('绍兴市上虞金桥医药化工有限公司', 'dongguan', '医药中间体', 'shutdown', 60, 0, [
    ['64-17-5', 30],
    ['67-64-1', 20],
  ]),
  // S 2.1, R 1.5 × 4.1 = 6.15 → level 4
  e('绍兴市上虞崧源化工有限公司', 'songxia', '精细化工', 'cluster_upgrade', 50, 1, [
    ['7664-41-7', 20],
    ['67-56-1', 50],
  ]),
  e('绍兴市上虞宝丰颜料有限公司', 'songxia', '染料颜料', 'shutdown', 120, 1, [['7664-93-9', 20]]),
  e('绍兴市上虞立信涂料有限公司', 'songxia', '涂料油漆', 'unassigned', 30, 0, [
    ['108-88-3', 40],
    ['141-78-6', 30],
  ]),
  e('绍兴市上虞章丰化工有限公司', 'zhangzhen', '精细化工', 'merger', 25, 1, [
    ['67-56-1', 50],
    ['7664-41-7', 4],
  ]),
  e('绍兴市上虞青山农化有限公司', 'zhangzhen', '农药', 'shutdown', 35, 0, [
    ['74-83-9', 2],
    ['108-88-3', 20],
  ]),
  // S 1.6, R 1.5 × 2.2 = 3.3 → level 4
  e('绍兴市上虞驿源精细化工有限公司', 'yiting', '精细化工', 'cluster_upgrade', 65, 2, [
    ['1333-74-0', 6],
    ['67-56-1', 200],
  ]),
  e('绍兴市上虞华康医药中间体有限公司', 'yiting', '医药中间体', 'unassigned', 15, 0, [
    ['64-17-5', 20],
    ['68-12-2', 10],
  ]),
];
