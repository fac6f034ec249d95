// The GB 18218-2018 working of an enterprise's units as lines of text, the same on the enterprise
// file and on the printed inspection record: per unit its substances with q, Q and the row Q came
// from, β and its row, q/Q and βq/Q; S, α and its band, R, the level and its row; the holdings
// not counted and why; and the table version. Words come from i18n, names of rows from the table
// in the language asked for.
import type { TableSource } from '../../../../domain/data/gb18218-table-schema';
import type {
  BetaBasis,
  CitedRow,
  EnterpriseGrading,
  NotCountedHolding,
  QBasis,
  UnitGrading,
  UnitTerm,
} from '../../../../domain/rules/gb18218-working';
import { formatNumber } from './major-hazard-source-text';

export type Translate = (key: string, values?: Record<string, unknown>) => string;
export type WorkingLanguage = 'zh' | 'en';

export interface TermLine {
  key: string;
  substance: string;
  q: string;
  Q: string;
  qBasis: string;
  qOverQ: string;
  beta: string;
  betaBasis: string;
  betaQOverQ: string;
}

export interface UnitLines {
  title: string;
  terms: TermLine[];
  notCounted: string[];
  S: string;
  people: string;
  alpha: string;
  R: string;
  result: string;
  tableVersion: string;
}

export interface EnterpriseLines {
  result: string;
  tableVersion: string;
  units: UnitLines[];
}

/** Brackets and separators as each language writes them. */
const marks = {
  zh: { open: '（', close: '）', sep: '；', colon: '：', comma: '，' },
  en: { open: ' (', close: ')', sep: '; ', colon: ': ', comma: ', ' },
};

function sourceText(source: TableSource, t: Translate, lang: WorkingLanguage): string {
  if (source.kind === 'standard') {
    const { document, table, row, code } = source;
    if (row !== undefined) return t('hazardWorking.source.entry', { document, table, row });
    if (code !== undefined) return t('hazardWorking.source.code', { document, table, code });
    return t('hazardWorking.source.table', { document, table });
  }
  if (source.kind === 'builtIn') return lang === 'zh' ? source.noteZh : source.noteEn;
  return t('hazardWorking.source.administrator', { reference: source.reference });
}

/** A cited row: where it comes from, and whether it is unchecked or changed by an administrator. */
function cited(row: CitedRow, t: Translate, lang: WorkingLanguage): string {
  const notes = [
    ...(row.flags.length > 0 ? [t('hazardWorking.unchecked')] : []),
    ...(row.changed ? [t('hazardWorking.changed')] : []),
  ];
  const text = sourceText(row.source, t, lang);
  const m = marks[lang];
  return notes.length === 0 ? text : `${text}${m.open}${notes.join(m.comma)}${m.close}`;
}

function qBasisText(basis: QBasis, t: Translate, lang: WorkingLanguage): string {
  const name = (r: { nameZh: string; nameEn: string }) => (lang === 'zh' ? r.nameZh : r.nameEn);
  const m = marks[lang];
  if (basis.kind === 'table1') {
    const choice =
      basis.variantChoice === 'only'
        ? ''
        : `${m.sep}${t(`hazardWorking.variant.${basis.variantChoice}`, { count: basis.alternatives.length })}`;
    return `${cited(basis.row, t, lang)}${m.colon}${name(basis.row)}${choice}`;
  }
  const others = basis.candidates.length - 1;
  return [
    `${cited(basis.row, t, lang)}${m.colon}${name(basis.row)}`,
    t('hazardWorking.table2', { count: others }),
  ].join(m.sep);
}

function betaBasisText(basis: BetaBasis, t: Translate, lang: WorkingLanguage): string {
  const m = marks[lang];
  if (basis.kind === 'unclassified') {
    const why = lang === 'zh' ? basis.basisZh : basis.basisEn;
    return `${sourceText(basis.source, t, lang)}${m.colon}${why}`;
  }
  if (basis.kind === 'table3') {
    return `${cited(basis, t, lang)}${m.colon}${lang === 'zh' ? basis.nameZh : basis.nameEn}`;
  }
  const why = lang === 'zh' ? basis.basisZh : basis.basisEn;
  return `${cited(basis, t, lang)}${m.colon}${why ?? basis.code}`;
}

function substanceText(term: UnitTerm, t: Translate, lang: WorkingLanguage): string {
  const m = marks[lang];
  const notes = [
    ...(term.cas ? [term.cas] : []),
    ...(term.holdings.length > 1
      ? [t('hazardWorking.holdings', { count: term.holdings.length })]
      : []),
    ...(term.holdings.some((h) => h.mixture) ? [t('hazardWorking.mixture')] : []),
  ];
  return notes.length === 0 ? term.name : `${term.name}${m.open}${notes.join(m.comma)}${m.close}`;
}

function notCountedText(n: NotCountedHolding, t: Translate, lang: WorkingLanguage): string {
  const m = marks[lang];
  const identity = n.cas ? `${m.open}${n.cas}${m.close}` : '';
  const reason = t(`hazardWorking.notCounted.${n.reason.kind}`);
  return `${n.name}${identity}${m.comma}${formatNumber(n.q)} t${m.colon}${reason}`;
}

export function unitLines(unit: UnitGrading, t: Translate, lang: WorkingLanguage): UnitLines {
  const alpha = unit.alpha;
  const band =
    alpha.maxPeople === null
      ? t('enterpriseFile.alphaBandOpen', { min: alpha.minPeople })
      : t('enterpriseFile.alphaBand', { min: alpha.minPeople, max: alpha.maxPeople });
  const m = marks[lang];
  const level = unit.level;
  const result =
    level === null || unit.levelRow === null
      ? t('enterpriseFile.notMajorResult')
      : [
          t('enterpriseFile.isMajorLevel', { level }),
          m.open,
          t(`hazardWorking.identifiedBy.${unit.identifiedBy ?? 'sum'}`),
          m.sep,
          t('hazardWorking.levelRow', { minR: formatNumber(unit.levelRow.minR) }),
          m.comma,
          cited(unit.levelRow, t, lang),
          m.close,
        ].join('');
  return {
    title: t('hazardWorking.unitTitle', {
      name: unit.unit.name,
      kind: t(`hazardWorking.kind.${unit.unit.kind}`),
    }),
    terms: unit.terms.map((term, i) => ({
      key: `${i}`,
      substance: substanceText(term, t, lang),
      q: formatNumber(term.q),
      Q: formatNumber(term.Q),
      qBasis: qBasisText(term.qBasis, t, lang),
      qOverQ: formatNumber(term.qOverQ),
      beta: formatNumber(term.beta),
      betaBasis: betaBasisText(term.betaBasis, t, lang),
      betaQOverQ: formatNumber(term.betaQOverQ),
    })),
    notCounted: unit.notCounted.map((n) => notCountedText(n, t, lang)),
    S: formatNumber(unit.S),
    people: t(`hazardWorking.people.${unit.people.from}`, { count: unit.people.count }),
    alpha: `${formatNumber(alpha.value)}${m.open}${band}${m.sep}${cited(alpha, t, lang)}${m.close}`,
    R: `${formatNumber(alpha.value)} × ${formatNumber(unit.betaSum)} = ${formatNumber(unit.R)}`,
    result,
    tableVersion: unit.tableVersion.label,
  };
}

export function enterpriseLines(
  grading: EnterpriseGrading,
  t: Translate,
  lang: WorkingLanguage,
): EnterpriseLines {
  const units = grading.units.map((u) => unitLines(u, t, lang));
  const names = grading.mostSevereUnits
    .map((i) => grading.units[i]?.unit.name ?? '')
    .join(marks[lang].comma);
  return {
    result:
      grading.level === null
        ? t('hazardWorking.enterpriseNotMajor', { count: grading.units.length })
        : t('hazardWorking.enterpriseLevel', { level: grading.level, units: names }),
    tableVersion: grading.tableVersion.label,
    units,
  };
}
