// The names of the GHS hazard classes, categories, exposure routes and physical states as a safety
// data sheet prints them in Chinese (GB 30000 series) and in English: the words in which the
// enterprise form offers a holding's classes and the import file's 装置单元 sheet writes them.
// They are data, like Table 1's names, so that the server reads a sheet with the same words the
// app shows.
import type { ExposureRoute, GhsClass, PhysicalState } from './ghs-hazard-classes';
import { ghsCategories } from './ghs-hazard-classes';

interface Names {
  zh: string;
  en: string;
}

export const ghsClassNames: Readonly<Record<GhsClass, Names>> = {
  explosive: { zh: '爆炸物', en: 'Explosives' },
  flammableGas: { zh: '易燃气体', en: 'Flammable gases' },
  aerosol: { zh: '气溶胶', en: 'Aerosols' },
  oxidizingGas: { zh: '氧化性气体', en: 'Oxidizing gases' },
  gasUnderPressure: { zh: '加压气体', en: 'Gases under pressure' },
  flammableLiquid: { zh: '易燃液体', en: 'Flammable liquids' },
  flammableSolid: { zh: '易燃固体', en: 'Flammable solids' },
  selfReactive: { zh: '自反应物质和混合物', en: 'Self-reactive substances' },
  pyrophoricLiquid: { zh: '自燃液体', en: 'Pyrophoric liquids' },
  pyrophoricSolid: { zh: '自燃固体', en: 'Pyrophoric solids' },
  selfHeating: { zh: '自热物质和混合物', en: 'Self-heating substances' },
  waterReactive: {
    zh: '遇水放出易燃气体的物质和混合物',
    en: 'Substances which, in contact with water, emit flammable gases',
  },
  oxidizingLiquid: { zh: '氧化性液体', en: 'Oxidizing liquids' },
  oxidizingSolid: { zh: '氧化性固体', en: 'Oxidizing solids' },
  organicPeroxide: { zh: '有机过氧化物', en: 'Organic peroxides' },
  corrosiveToMetals: { zh: '金属腐蚀物', en: 'Corrosive to metals' },
  acuteToxicity: { zh: '急性毒性', en: 'Acute toxicity' },
  skinCorrosion: { zh: '皮肤腐蚀/刺激', en: 'Skin corrosion/irritation' },
  eyeDamage: { zh: '严重眼损伤/眼刺激', en: 'Serious eye damage/eye irritation' },
  respiratorySensitizer: { zh: '呼吸道致敏物', en: 'Respiratory sensitization' },
  skinSensitizer: { zh: '皮肤致敏物', en: 'Skin sensitization' },
  germCellMutagenicity: { zh: '生殖细胞致突变性', en: 'Germ cell mutagenicity' },
  carcinogenicity: { zh: '致癌性', en: 'Carcinogenicity' },
  reproductiveToxicity: { zh: '生殖毒性', en: 'Reproductive toxicity' },
  stotSingle: {
    zh: '特异性靶器官毒性-一次接触',
    en: 'Specific target organ toxicity, single exposure',
  },
  stotRepeated: {
    zh: '特异性靶器官毒性-反复接触',
    en: 'Specific target organ toxicity, repeated exposure',
  },
  aspiration: { zh: '吸入危害', en: 'Aspiration hazard' },
  aquaticAcute: { zh: '危害水生环境-急性危害', en: 'Hazardous to the aquatic environment, acute' },
  aquaticChronic: {
    zh: '危害水生环境-长期危害',
    en: 'Hazardous to the aquatic environment, long-term',
  },
  ozoneLayer: { zh: '危害臭氧层', en: 'Hazardous to the ozone layer' },
};

/** Categories that are words rather than a number or letter. */
const categoryWords: Readonly<Record<string, Names>> = {
  unstable: { zh: '不稳定爆炸物', en: 'unstable explosive' },
  compressed: { zh: '压缩气体', en: 'compressed gas' },
  liquefied: { zh: '液化气体', en: 'liquefied gas' },
  refrigeratedLiquefied: { zh: '冷冻液化气体', en: 'refrigerated liquefied gas' },
  dissolved: { zh: '溶解气体', en: 'dissolved gas' },
  lactation: { zh: '附加类别（哺乳影响）', en: 'effects on or via lactation' },
};

export const exposureRouteNames: Readonly<Record<ExposureRoute, Names>> = {
  oral: { zh: '经口', en: 'oral' },
  dermal: { zh: '经皮', en: 'dermal' },
  inhalation: { zh: '吸入', en: 'inhalation' },
};

export const physicalStateNames: Readonly<Record<PhysicalState, Names>> = {
  gas: { zh: '气体', en: 'gas' },
  liquid: { zh: '液体', en: 'liquid' },
  solid: { zh: '固体', en: 'solid' },
};

export type NameLanguage = keyof Names;

/** A category as a data sheet writes it: 类别 2, Category 1A, 压缩气体. */
export function ghsCategoryName(category: string, language: NameLanguage): string {
  const word = categoryWords[category];
  if (word) return word[language];
  return language === 'zh' ? `类别${category}` : `Category ${category}`;
}

/** One classification in words: 急性毒性：类别2（吸入）, Acute toxicity, Category 2 (inhalation). */
export function ghsClassificationName(
  c: { class: GhsClass; category: string; route?: ExposureRoute | undefined },
  language: NameLanguage,
): string {
  const cls = ghsClassNames[c.class][language];
  const category = ghsCategoryName(c.category, language);
  const route = c.route ? exposureRouteNames[c.route][language] : null;
  return language === 'zh'
    ? `${cls}：${category}${route ? `（${route}）` : ''}`
    : `${cls}, ${category}${route ? ` (${route})` : ''}`;
}

/** The category a data sheet's words name within a class: 类别2, 2, 2A, 压缩气体; undefined if none. */
export function ghsCategoryOf(cls: GhsClass, text: string): string | undefined {
  const plain = text.replace(/\s+/gu, '').replace(/^(类别|Category)/iu, '');
  return (ghsCategories[cls] as readonly string[]).find(
    (c) =>
      c.toLowerCase() === plain.toLowerCase() ||
      categoryWords[c]?.zh === plain ||
      categoryWords[c]?.en.replace(/\s+/gu, '') === plain,
  );
}
