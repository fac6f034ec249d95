// The towns, sub-districts and development zone of Shangyu District (330604), by division code:
// demo data only. A server's towns are records (domain/schemas/town.ts) that first-run setup or an
// administrator creates; the demo seed writes these as its town records, and tests and benchmarks
// use them as a known district.

export interface Town {
  code: string;
  nameZh: string;
  nameEn: string;
}

export const DEMO_DISTRICT = { name: '绍兴市上虞区', code: '330604' } as const;

/** The kind of a Shangyu division by its code: 00x sub-districts, 1xx towns, 400 the zone. */
export function demoTownKind(code: string): 'subdistrict' | 'town' | 'zone' {
  const local = code.slice(6);
  if (local.startsWith('0')) return 'subdistrict';
  return local.startsWith('1') ? 'town' : 'zone';
}

export const towns: readonly Town[] = [
  { code: '330604001', nameZh: '百官街道', nameEn: 'Baiguan Sub-district' },
  { code: '330604002', nameZh: '曹娥街道', nameEn: "Cao'e Sub-district" },
  { code: '330604003', nameZh: '东关街道', nameEn: 'Dongguan Sub-district' },
  { code: '330604004', nameZh: '道墟街道', nameEn: 'Daoxu Sub-district' },
  { code: '330604005', nameZh: '崧厦街道', nameEn: 'Songxia Sub-district' },
  { code: '330604101', nameZh: '章镇镇', nameEn: 'Zhangzhen Town' },
  { code: '330604102', nameZh: '驿亭镇', nameEn: 'Yiting Town' },
  {
    code: '330604400',
    nameZh: '杭州湾上虞经济技术开发区',
    nameEn: 'Hangzhou Bay Shangyu Economic and Technological Development Zone',
  },
];

export function townName(code: string, lang: 'zh' | 'en'): string {
  const town = towns.find((t) => t.code === code);
  if (!town) return code;
  return lang === 'zh' ? town.nameZh : town.nameEn;
}
