// Readable English for the problems an import preview lists (API clients; the app translates the
// codes itself), so that each bad row says what is wrong with which cell.
import type { SheetProblem } from '../../../domain/rules/sheet-columns';

type Params = Record<string, string | number>;
const p = (params: Params | undefined, key: string) => String(params?.[key] ?? '');

const messages: Record<string, (params: Params | undefined) => string> = {
  required: () => 'is required',
  tooLong: () => 'is too long',
  'column.missing': () => 'column is missing from the file',
  'column.repeated': () => 'column appears twice in the file',
  'creditCode.length': (x) => `"${p(x, 'value')}" is not 18 characters long`,
  'creditCode.charset': (x) =>
    `"${p(x, 'value')}" holds a character credit codes never use (I, O, Z, S, V or a symbol)`,
  'creditCode.checkCharacter': (x) =>
    `"${p(x, 'value')}" has a wrong check character (the last should be ${p(x, 'expected')})`,
  'creditCode.duplicateInFile': (x) =>
    `${p(x, 'value')} is also on row(s) ${p(x, 'rows')} of this file`,
  'town.unknown': (x) => `"${p(x, 'value')}" is not a town of the district`,
  'number.invalid': (x) => `"${p(x, 'value')}" is not a number`,
  'number.range': (x) => `${p(x, 'value')} is outside ${p(x, 'min')} to ${p(x, 'max')}`,
  'number.count': (x) => `"${p(x, 'value')}" is not a whole number of people`,
  'contacts.phoneCount': (x) =>
    `${p(x, 'contacts')} contact(s) but ${p(x, 'phones')} phone number(s): give one number per contact`,
  'chemical.format': (x) =>
    `"${p(x, 'value')}" should read name（CAS，quantity吨）, e.g. 液氨（7664-41-7，20吨）`,
  'chemicals.unitsOnForm': (x) =>
    `the enterprise has ${p(x, 'units')} unit(s) or holdings this column cannot list (by hazard class, variant or mixture): change its holdings on the enterprise form, or give the list exactly as exported`,
  'cas.format': (x) => `the CAS number "${p(x, 'value')}" of ${p(x, 'name')} is malformed`,
  'cas.checkDigit': (x) =>
    `the CAS number "${p(x, 'value')}" of ${p(x, 'name')} has a wrong check digit`,
  'milestone.format': (x) =>
    `"${p(x, 'value')}" should read title（截止YYYY-MM-DD）or title（截止YYYY-MM-DD，完成于time）`,
  'track.unknown': (x) => `"${p(x, 'value')}" is not one of 集聚提升, 兼并重组, 关停淘汰, 未定`,
  'status.unknown': (x) => `"${p(x, 'value')}" is not one of 在营, 关停, 兼并`,
  'closure.notClosed': () => 'a closing date or merger target is given for an operating enterprise',
  'closure.dateRequired': () => 'a closed or merged enterprise needs the date it closed',
  'date.invalid': (x) => `"${p(x, 'value')}" is not a date, YYYY-MM-DD`,
  'closure.targetOnlyForMerger': () => 'only a merged enterprise names the one it merged into',
  'closure.targetRequired': () => 'a merged enterprise needs the credit code it merged into',
  'closure.targetUnknown': (x) => `${p(x, 'value')} is neither in the registry nor in this file`,
  'closure.targetSelf': () => 'an enterprise cannot merge into itself',
  'closure.mergedInto': () => 'only a merger names the enterprise merged into, and it must',
  'conflict.otherName': (x) =>
    `${p(x, 'creditCode')} is registered as "${p(x, 'registered')}", not "${p(x, 'file')}": a different enterprise, or rename it first`,
  'conflict.nameTaken': (x) =>
    `"${p(x, 'name')}" is registered with credit code ${p(x, 'registered')}, not ${p(x, 'file')}`,
  'chemicals.notAsUnits': () =>
    'says other chemicals than the enterprise’s rows on the 装置单元 sheet: leave it empty or as exported',
  'table1.unknownEntry': (x) => `"${p(x, 'value')}" is no entry of GB 18218-2018 Table 1`,
  'table1.entryHasNoCas': (x) =>
    `Table 1 gives "${p(x, 'value')}" no CAS number: leave the CAS cell empty`,
  'table1.entryNotForCas': (x) => `"${p(x, 'value')}" is not a Table 1 entry of CAS ${p(x, 'cas')}`,
  'ghs.unknownClass': (x) =>
    `"${p(x, 'value')}" names no GHS hazard class; write it as 易燃液体：类别2`,
  'ghs.unknownCategory': (x) => `"${p(x, 'value')}" names no category of that hazard class`,
  'ghs.route': (x) =>
    `"${p(x, 'value')}": acute toxicity needs its route (经口, 经皮 or 吸入) in brackets, and no other class has one`,
  'physicalState.unknown': (x) => `"${p(x, 'value')}" is not one of 气体, 液体, 固体`,
  'unitKind.unknown': (x) => `"${p(x, 'value')}" is not one of 生产单元, 储罐区, 库区, 其他`,
  'unit.positionHalf': () => 'give both the unit’s longitude and latitude, or neither',
  'unit.disagrees': (x) =>
    `unit ${p(x, 'unit')} is given otherwise on row ${p(x, 'first')}: its rows must agree`,
  'unit.tooManyHoldings': (x) => `unit ${p(x, 'unit')} has more than ${p(x, 'max')} holdings`,
  'units.tooMany': (x) => `the enterprise has more than ${p(x, 'max')} units`,
  'units.enterpriseNotInFile': (x) =>
    `${p(x, 'value')} has no row on the 企业名录 sheet of this file`,
  'units.sheetCannotSay': () =>
    'the enterprise has holdings this sheet cannot say (a mixture or process conditions): change its units on the enterprise form, or give its rows exactly as exported',
  'holding.unidentified': (x) =>
    `${p(x, 'value')} needs a CAS number, a Table 1 entry or its hazard classes`,
  'holding.physicalStateRequired': (x) =>
    `${p(x, 'value')} has acute toxicity: give its physical state`,
  'holding.boilingPointRequired': (x) =>
    `${p(x, 'value')} is a liquid toxic by inhalation (category 2 or 3): give its boiling point`,
  'phone.invalid': () => 'is not a phone number (5–20 digits, spaces, + or -)',
  'text.unstorable': () =>
    'contains a character that cannot be stored (U+0000, or half of a UTF-16 surrogate pair)',
};

export function problemMessage(problem: SheetProblem): string {
  const say = messages[problem.code];
  const text = say ? say(problem.params) : problem.code;
  const where = [
    problem.sheet,
    problem.row === undefined ? undefined : `row ${problem.row}`,
    problem.column ?? undefined,
  ].filter((w) => w !== undefined && w !== '');
  return where.length > 0 ? `${where.join(', ')}: ${text}` : text;
}
