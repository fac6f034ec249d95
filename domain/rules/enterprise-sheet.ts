// The enterprise registry as bureaus keep it in a spreadsheet: one row per enterprise under the
// Chinese column headings they use, every field of the enterprise record in a cell (lists such as
// contacts and chemicals as 「；」-separated entries), so that a registry exported this way and
// imported again reads back exactly. Owns the columns, writing a record's cells and reading a
// row's cells back into record fields with the problems of each cell.
import type {
  Closure,
  Contact,
  ChemicalHolding,
  Enterprise,
  Milestone,
  Track,
} from '../schemas/enterprise';
import { tracks } from '../schemas/enterprise';
import { checkCas } from './cas';
import type { SheetCell, SheetProblem } from './sheet-columns';
import { numberOf, textOf } from './sheet-columns';
import { columnChemicals } from './enterprise-units';
import { checkUscc } from './uscc';

export const enterpriseColumnKeys = [
  'creditCode',
  'name',
  'town',
  'address',
  'industry',
  'lon',
  'lat',
  'peopleWithin500m',
  'contacts',
  'phones',
  'chemicals',
  'track',
  'milestones',
  'status',
  'closedOn',
  'mergedInto',
] as const;
export type EnterpriseColumnKey = (typeof enterpriseColumnKeys)[number];

export interface EnterpriseColumn {
  key: EnterpriseColumnKey;
  heading: string;
  /** Other headings bureaus use for it (compared without spaces and bracketed notes). */
  aliases: readonly string[];
  /** A file without this column cannot be imported; the others keep stored values when absent. */
  required: boolean;
  /** What the template workbook's second sheet says about the cell. */
  hint: string;
}

const col = (
  key: EnterpriseColumnKey,
  heading: string,
  required: boolean,
  hint: string,
  aliases: readonly string[] = [],
): EnterpriseColumn => ({ key, heading, aliases, required, hint });

export const ENTERPRISE_COLUMNS: readonly EnterpriseColumn[] = [
  col('creditCode', '统一社会信用代码', true, '18 位，校验位须正确', ['信用代码', '社会信用代码']),
  col('name', '企业名称', true, '与营业执照一致', ['单位名称']),
  col('town', '所属乡镇/街道', true, '乡镇、街道或开发区的名称（或 9 位区划代码）', [
    '所属乡镇',
    '乡镇/街道',
    '所属街道',
    '乡镇街道',
  ]),
  col('address', '地址', true, '生产经营地址', ['企业地址', '详细地址']),
  col('industry', '行业', true, '如 染料颜料、医药中间体', ['所属行业', '行业类别']),
  col('lon', '经度', true, '十进制度，如 120.8765'),
  col('lat', '纬度', true, '十进制度，如 30.0321'),
  col('peopleWithin500m', '周边500米内人数', true, '整数', ['周边500米人数', '500米内人数']),
  col('contacts', '联系人', false, '姓名（职务），多人以「；」分隔'),
  col('phones', '联系电话', false, '与联系人一一对应，以「；」分隔', ['电话']),
  col(
    'chemicals',
    '危险化学品',
    false,
    '名称（CAS号，最大储量吨），多种以「；」分隔，如 液氨（7664-41-7，20吨）',
    ['危化品'],
  ),
  col('track', '整治提升类别', true, '集聚提升、兼并重组、关停淘汰 或 未定', ['整治类别']),
  col(
    'milestones',
    '整治提升节点',
    false,
    '节点（截止YYYY-MM-DD，完成于时间），多个以「；」分隔；未完成的不写完成于',
  ),
  col('status', '经营状态', false, '在营、关停 或 兼并（空为在营）', ['状态']),
  col('closedOn', '关停/兼并日期', false, 'YYYY-MM-DD，关停或兼并时必填', ['关闭日期']),
  col('mergedInto', '并入企业统一社会信用代码', false, '兼并时必填', ['并入企业信用代码']),
];

export const TRACK_LABELS: Readonly<Record<Track, string>> = {
  cluster_upgrade: '集聚提升',
  merger: '兼并重组',
  shutdown: '关停淘汰',
  unassigned: '未定',
};

const STATUS_LABELS = { open: '在营', shutdown: '关停', merged: '兼并' } as const;
const STATUS_ALIASES: Readonly<Record<string, 'open' | 'shutdown' | 'merged'>> = {
  在营: 'open',
  存续: 'open',
  正常: 'open',
  关停: 'shutdown',
  已关停: 'shutdown',
  关闭: 'shutdown',
  兼并: 'merged',
  已兼并: 'merged',
  被兼并: 'merged',
  合并: 'merged',
  已合并: 'merged',
};

const LIST_SEPARATOR = /[；;\n]+/u;
const splitList = (text: string) =>
  text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** What the sheet needs to know of the district and the registry to write a row. */
export interface SheetWriteLookups {
  townName: (code: string) => string;
  /** The credit code of an enterprise by id (a merger's target). */
  creditCodeOf: (id: string) => string | undefined;
}

const contactCell = (c: Contact) => (c.title.trim() === '' ? c.name : `${c.name}（${c.title}）`);
const chemicalCell = (c: ChemicalHolding) => `${c.name}（${c.cas}，${String(c.maxQuantityT)}吨）`;
const milestoneCell = (m: Milestone) =>
  `${m.title}（截止${m.due}${m.doneAt === null ? '' : `，完成于${m.doneAt}`}）`;

/** The cells of one enterprise, in ENTERPRISE_COLUMNS order. */
export function enterpriseCells(e: Enterprise, lookups: SheetWriteLookups): SheetCell[] {
  const closure = e.closure ?? null;
  const cells: Record<EnterpriseColumnKey, SheetCell> = {
    creditCode: e.creditCode,
    name: e.name,
    town: lookups.townName(e.town),
    address: e.address,
    industry: e.industry,
    lon: e.lon,
    lat: e.lat,
    peopleWithin500m: e.peopleWithin500m,
    contacts: e.contacts.map(contactCell).join('；'),
    phones: e.contacts.map((c) => c.phone).join('；'),
    chemicals: columnChemicals(e).map(chemicalCell).join('；'),
    track: TRACK_LABELS[e.track],
    milestones: e.trackMilestones.map(milestoneCell).join('；'),
    status: STATUS_LABELS[closure?.kind ?? 'open'],
    closedOn: closure?.date ?? '',
    mergedInto: closure?.mergedIntoId ? (lookups.creditCodeOf(closure.mergedIntoId) ?? '') : '',
  };
  return ENTERPRISE_COLUMNS.map((c) => cells[c.key]);
}

/** The record fields a row holds; a field of an absent optional column is left out. */
export type RowFields = Partial<
  Pick<
    Enterprise,
    | 'creditCode'
    | 'name'
    | 'town'
    | 'address'
    | 'industry'
    | 'lon'
    | 'lat'
    | 'peopleWithin500m'
    | 'contacts'
    | 'track'
    | 'trackMilestones'
  >
> & {
  /** The 危险化学品 column's holdings, which the import makes units of (unitsFromColumn). */
  chemicals?: ChemicalHolding[];
  /** The closure with its merger target still a credit code (resolved by the import). */
  closure?: (Omit<Closure, 'mergedIntoId'> & { mergedIntoCode?: string }) | null;
};

const CONTACT = /^(.*?)\s*[（(]([^（）()]*)[）)]$/u;
const CHEMICAL =
  /^(.*?)\s*[（(]\s*([^，,（）()]+?)\s*[，,]\s*([^，,（）()]+?)\s*(?:吨|t)?\s*[）)]$/iu;
const MILESTONE =
  /^(.*?)\s*[（(]\s*截止\s*([^，,（）()]+?)\s*(?:[，,]\s*完成于?\s*([^，,（）()]+?))?\s*[）)]$/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** Reads one row's cells (by column key; absent columns undefined) into record fields. */
export function readEnterpriseRow(
  cells: ReadonlyMap<EnterpriseColumnKey, SheetCell>,
  townCodeOf: (text: string) => string | undefined,
): { fields: RowFields; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const fields: RowFields = {};
  const heading = (key: EnterpriseColumnKey) =>
    ENTERPRISE_COLUMNS.find((c) => c.key === key)?.heading ?? key;
  const problem = (key: EnterpriseColumnKey, code: string, params?: SheetProblem['params']) =>
    problems.push({ column: heading(key), code, ...(params ? { params } : {}) });
  const has = (key: EnterpriseColumnKey) => cells.has(key);
  const text = (key: EnterpriseColumnKey) => textOf(cells.get(key));

  const code = text('creditCode');
  if (code === '') problem('creditCode', 'required');
  else {
    const checked = checkUscc(code);
    if (checked.ok) fields.creditCode = checked.code;
    else {
      problem('creditCode', `creditCode.${checked.problem}`, {
        value: code,
        ...(checked.expected ? { expected: checked.expected } : {}),
      });
    }
  }
  for (const key of ['name', 'address', 'industry'] as const) {
    if (text(key) === '') problem(key, 'required');
    else fields[key] = text(key);
  }
  const town = text('town');
  if (town === '') problem('town', 'required');
  else {
    const found = townCodeOf(town);
    if (found) fields.town = found;
    else problem('town', 'town.unknown', { value: town });
  }
  for (const [key, min, max] of [
    ['lon', -180, 180],
    ['lat', -90, 90],
  ] as const) {
    const n = numberOf(cells.get(key));
    if (n === null)
      problem(key, text(key) === '' ? 'required' : 'number.invalid', { value: text(key) });
    else if (n < min || n > max) problem(key, 'number.range', { value: text(key), min, max });
    else fields[key] = n;
  }
  const people = numberOf(cells.get('peopleWithin500m'));
  if (people === null || !Number.isInteger(people) || people < 0) {
    const value = text('peopleWithin500m');
    problem('peopleWithin500m', value === '' ? 'required' : 'number.count', { value });
  } else fields.peopleWithin500m = people;

  if (has('contacts') || has('phones'))
    readContacts(text('contacts'), text('phones'), fields, problem);
  if (has('chemicals')) readChemicals(text('chemicals'), fields, problem);

  const track = text('track');
  const trackValue =
    track === ''
      ? 'unassigned'
      : (tracks.find((t) => t === track || TRACK_LABELS[t] === track) ?? null);
  if (trackValue === null) problem('track', 'track.unknown', { value: track });
  else fields.track = trackValue;

  if (has('milestones')) readMilestones(text('milestones'), fields, problem);
  if (has('status') || has('closedOn') || has('mergedInto')) readClosure(text, fields, problem);
  return { fields, problems };
}

type Report = (key: EnterpriseColumnKey, code: string, params?: SheetProblem['params']) => void;

function readContacts(names: string, phones: string, fields: RowFields, problem: Report) {
  const people = splitList(names);
  const numbers = splitList(phones);
  if (people.length !== numbers.length) {
    problem('phones', 'contacts.phoneCount', { contacts: people.length, phones: numbers.length });
    return;
  }
  fields.contacts = people.map((person, i) => {
    const m = CONTACT.exec(person);
    return {
      name: (m ? (m[1] ?? '') : person).trim(),
      title: (m ? (m[2] ?? '') : '').trim(),
      phone: numbers[i] ?? '',
    };
  });
}

function readChemicals(text: string, fields: RowFields, problem: Report) {
  const holdings: ChemicalHolding[] = [];
  let bad = false;
  for (const entry of splitList(text)) {
    const m = CHEMICAL.exec(entry);
    const quantity = m ? numberOf(m[3] ?? '') : null;
    if (!m || quantity === null) {
      problem('chemicals', 'chemical.format', { value: entry });
      bad = true;
      continue;
    }
    const cas = checkCas(m[2] ?? '');
    if (!cas.ok) {
      problem('chemicals', `cas.${cas.problem}`, { value: (m[2] ?? '').trim(), name: m[1] ?? '' });
      bad = true;
      continue;
    }
    holdings.push({ name: (m[1] ?? '').trim(), cas: cas.cas, maxQuantityT: quantity });
  }
  if (!bad) fields.chemicals = holdings;
}

function readMilestones(text: string, fields: RowFields, problem: Report) {
  const milestones: Milestone[] = [];
  let bad = false;
  for (const entry of splitList(text)) {
    const m = MILESTONE.exec(entry);
    if (!m || !DATE.test(m[2] ?? '')) {
      problem('milestones', 'milestone.format', { value: entry });
      bad = true;
      continue;
    }
    milestones.push({ title: (m[1] ?? '').trim(), due: m[2] ?? '', doneAt: m[3] ?? null });
  }
  if (!bad) fields.trackMilestones = milestones;
}

function readClosure(
  text: (key: EnterpriseColumnKey) => string,
  fields: RowFields,
  problem: Report,
) {
  const status = text('status');
  const kind = status === '' ? 'open' : STATUS_ALIASES[status];
  if (kind === undefined) {
    problem('status', 'status.unknown', { value: status });
    return;
  }
  const date = text('closedOn');
  const target = text('mergedInto').toUpperCase();
  if (kind === 'open') {
    if (date !== '' || target !== '') problem('closedOn', 'closure.notClosed');
    else fields.closure = null;
    return;
  }
  if (!DATE.test(date)) {
    problem('closedOn', date === '' ? 'closure.dateRequired' : 'date.invalid', { value: date });
    return;
  }
  if (kind === 'shutdown') {
    if (target !== '') problem('mergedInto', 'closure.targetOnlyForMerger');
    else fields.closure = { kind, date };
    return;
  }
  if (target === '') problem('mergedInto', 'closure.targetRequired');
  else fields.closure = { kind, date, mergedIntoCode: target };
}
