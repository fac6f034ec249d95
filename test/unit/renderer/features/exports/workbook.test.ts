import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../../../domain/schemas/agency';
import type { ExportLookups } from '../../../../../renderer/src/features/exports/export-lookups';
import { exportFileName } from '../../../../../renderer/src/features/exports/export-file-name';
import {
  HAZARD_COLUMNS,
  findingSheet,
} from '../../../../../renderer/src/features/exports/finding-sheet';
import {
  INSPECTION_COLUMNS,
  inspectionSheet,
} from '../../../../../renderer/src/features/exports/inspection-sheet';
import {
  buildWorkbook,
  workbookBytes,
} from '../../../../../renderer/src/features/exports/workbook';
import type { SheetData } from '../../../../../renderer/src/features/exports/sheet-spec';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeUser,
  newId,
} from '../../../../support/record-fixtures';

const agency: Agency = {
  id: newId(),
  version: 1,
  updatedAt: '2026-11-01T08:00:00.000+08:00',
  deletedAt: null,
  createdBy: newId(),
  name: '上虞区应急管理局',
  kind: 'safety',
};
const lead = makeUser({ displayName: '李明' });
const co = makeUser({ displayName: '王芳' });
const reviewer = makeUser({ displayName: '张华', role: 'supervisor', certificateNo: null });
const enterprise = makeEnterprise({ name: '明达染料有限公司', town: '330604400' });
const inspection = makeInspection({
  enterpriseId: enterprise.id,
  agencyIds: [agency.id],
  leadInspectorId: lead.id,
  coInspectorIds: [co.id],
  startedAt: '2026-11-02T23:30:00.000Z', // 07:30 on 3 November in China
  finishedAt: '2026-11-03T02:15:00.000Z',
  itemResults: [
    { itemId: 'a', result: 'pass', note: '' },
    { itemId: 'b', result: 'fail', note: '' },
  ],
  review: { status: 'approved', comment: '', reviewerId: reviewer.id, reviewedAt: null },
});
const overdue = makeFinding({
  inspectionId: inspection.id,
  enterpriseId: enterprise.id,
  title: '储罐区未设置可燃气体报警器',
  grade: 'major',
  category: 'fire',
  deadline: '2026-11-20',
});
const closed = makeFinding({
  inspectionId: inspection.id,
  enterpriseId: enterprise.id,
  status: 'closed',
  deadline: '2026-12-31',
  verification: {
    inspectionId: newId(),
    verifiedBy: reviewer.id,
    verifiedAt: '2026-11-25T01:00:00.000Z',
    result: 'passed',
    photos: [],
  },
});
const lookups: ExportLookups = {
  enterprises: new Map([[enterprise.id, enterprise]]),
  users: new Map([lead, co, reviewer].map((u) => [u.id, u])),
  agencies: new Map([[agency.id, agency]]),
  // The sheets name a town by its official name, as the town record the device holds says.
  towns: new Map([
    [
      '330604400',
      {
        id: newId(),
        version: 1,
        updatedAt: '2026-01-01T00:00:00.000Z',
        deletedAt: null,
        createdBy: lead.id,
        code: '330604400',
        name: '杭州湾上虞经济技术开发区',
        kind: 'zone',
      },
    ],
  ]),
  inspections: new Map([[inspection.id, inspection]]),
  findingCounts: new Map([[inspection.id, { total: 2, major: 1 }]]),
};

/** Builds the workbook, writes it as .xlsx bytes and reads those back. */
async function roundTrip(sheet: SheetData, chunkSize?: number) {
  const progress: [number, number][] = [];
  const workbook = await buildWorkbook(ExcelJS, sheet, {
    onProgress: (done, total) => progress.push([done, total]),
    yieldToUi: async () => undefined,
    ...(chunkSize ? { chunkSize } : {}),
  });
  const bytes = await workbookBytes(workbook);
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(bytes.buffer);
  const worksheet = read.worksheets[0];
  if (!worksheet) throw new Error('no worksheet');
  return { worksheet, progress };
}

const byHeading = (worksheet: ExcelJS.Worksheet, row: number, heading: string) => {
  const headings = worksheet.getRow(1).values as unknown[];
  const column = headings.indexOf(heading);
  if (column < 1) throw new Error(`no column ${heading}`);
  return worksheet.getRow(row).getCell(column);
};

describe('hazard workbook', () => {
  it('has Chinese headings, real dates and Chinese values', async () => {
    const sheet = findingSheet([overdue, closed], lookups, '2026-11-29');
    const { worksheet } = await roundTrip(sheet);

    expect(worksheet.name).toBe('隐患清单');
    expect((worksheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      HAZARD_COLUMNS.map((c) => c.header),
    );
    expect(worksheet.rowCount).toBe(3);

    const deadline = byHeading(worksheet, 2, '整改期限');
    expect(deadline.type).toBe(ExcelJS.ValueType.Date);
    expect(deadline.numFmt).toBe('yyyy-mm-dd');
    expect((deadline.value as Date).toISOString()).toBe('2026-11-20T00:00:00.000Z');
    // The inspection began at 07:30 on 3 November in China (still 2 November in UTC).
    expect((byHeading(worksheet, 2, '检查日期').value as Date).toISOString()).toBe(
      '2026-11-03T00:00:00.000Z',
    );

    const text = (row: number, heading: string) => byHeading(worksheet, row, heading).value;
    expect(text(2, '序号')).toBe(1);
    expect(text(2, '隐患名称')).toBe('储罐区未设置可燃气体报警器');
    expect(text(2, '隐患等级')).toBe('重大');
    expect(text(2, '整改状态')).toBe('逾期');
    expect(text(2, '隐患类别')).toBe('消防安全');
    expect(text(2, '挂牌督办')).toBe('是');
    expect(text(2, '企业名称')).toBe('明达染料有限公司');
    expect(text(2, '统一社会信用代码')).toBe(enterprise.creditCode);
    expect(byHeading(worksheet, 2, '统一社会信用代码').type).toBe(ExcelJS.ValueType.String);
    expect(text(2, '所在乡镇（街道）')).toBe('杭州湾上虞经济技术开发区');
    expect(text(2, '检查类型')).toBe('日常检查');
    expect(text(2, '检查单位')).toBe('上虞区应急管理局');
    expect(text(2, '检查人员')).toBe('李明、王芳');
    expect(text(2, '复查结果')).toBeNull();

    expect(text(3, '隐患等级')).toBe('一般');
    expect(text(3, '整改状态')).toBe('已销号');
    expect(text(3, '复查结果')).toBe('复查合格');
    expect(text(3, '复查人员')).toBe('张华');
    const verifiedAt = byHeading(worksheet, 3, '复查时间');
    expect(verifiedAt.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((verifiedAt.value as Date).toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('reports its progress chunk by chunk and keeps every row', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      makeFinding({ inspectionId: inspection.id, enterpriseId: enterprise.id, title: `隐患${i}` }),
    );
    const { worksheet, progress } = await roundTrip(findingSheet(many, lookups, '2026-11-29'), 10);
    expect(progress).toEqual([
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
    expect(worksheet.rowCount).toBe(26);
    expect(byHeading(worksheet, 26, '隐患名称').value).toBe('隐患24');
  });
});

describe('inspection workbook', () => {
  it('has Chinese headings, date-times in China time, counts as numbers', async () => {
    const { worksheet } = await roundTrip(inspectionSheet([inspection], lookups));
    expect(worksheet.name).toBe('检查记录');
    expect((worksheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      INSPECTION_COLUMNS.map((c) => c.header),
    );
    const started = byHeading(worksheet, 2, '开始时间');
    expect(started.type).toBe(ExcelJS.ValueType.Date);
    expect(started.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((started.value as Date).toISOString()).toBe('2026-11-03T07:30:00.000Z');
    const value = (heading: string) => byHeading(worksheet, 2, heading).value;
    expect(value('主办检查人员')).toBe('李明');
    expect(value('协办检查人员')).toBe('王芳');
    expect(value('检查状态')).toBe('已提交');
    expect(value('审核状态')).toBe('已通过');
    expect(value('审核人')).toBe('张华');
    expect(value('检查项数')).toBe(2);
    expect(value('不符合项数')).toBe(1);
    expect(value('发现隐患数')).toBe(2);
    expect(value('其中重大隐患数')).toBe(1);
    expect(byHeading(worksheet, 2, '发现隐患数').type).toBe(ExcelJS.ValueType.Number);
  });
});

describe('exportFileName', () => {
  it('names the file after its contents and the day', () => {
    expect(exportFileName('hazards', '2026-11-29')).toBe('隐患清单-2026-11-29.xlsx');
    expect(exportFileName('inspections', '2026-11-29')).toBe('检查记录-2026-11-29.xlsx');
  });
});
