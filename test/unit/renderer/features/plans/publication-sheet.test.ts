// The published results as a workbook sheet: Chinese headings and values, one row per visit.
import { describe, expect, it } from 'vitest';
import type { Publication, PublicationRow } from '../../../../../domain/schemas/publication';
import {
  outcomeText,
  publicationFileName,
  publicationSheet,
} from '../../../../../renderer/src/features/plans/publication-sheet';

const id = (n: number) => `0197a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const row = (overrides: Partial<PublicationRow> = {}): PublicationRow => ({
  enterpriseId: id(1),
  enterpriseName: '浙江龙盛化工有限公司',
  riskClass: 'major',
  agencyIds: [id(800), id(801)],
  agencyNames: ['上虞区应急管理局', '绍兴市生态环境局上虞分局'],
  joint: true,
  inspectionId: id(2),
  inspectedOn: '2027-02-10',
  checklists: ['危险化学品企业安全检查表'],
  itemsChecked: 42,
  itemsFailed: 2,
  outcome: 'hazardsFound',
  hazards: { total: 3, major: 1, closed: 0 },
  ...overrides,
});

const publication: Publication = {
  draw: {
    id: id(9),
    agencyId: id(800),
    agencyName: '上虞区应急管理局',
    jointPartnerAgencyId: id(801),
    planId: id(7),
    planRevision: 1,
    year: 2027,
    periodKey: 'Q1',
    periodFrom: '2027-01-01',
    periodTo: '2027-03-31',
    drawnAt: '2027-01-05T09:00:00.000+08:00',
    resultHash: 'a'.repeat(64),
    replaced: false,
  },
  rows: [
    row(),
    row({
      enterpriseId: id(3),
      joint: false,
      inspectionId: null,
      inspectedOn: null,
      checklists: [],
      itemsChecked: 0,
      outcome: 'pending',
      hazards: { total: 0, major: 0, closed: 0 },
    }),
  ],
};

describe('publication sheet', () => {
  it('words each outcome as published', () => {
    expect(outcomeText(row())).toBe('发现隐患3项（其中重大隐患1项），已责令整改');
    expect(outcomeText(row({ hazards: { total: 2, major: 0, closed: 0 } }))).toBe(
      '发现隐患2项，已责令整改',
    );
    expect(outcomeText(row({ outcome: 'noHazards' }))).toBe('未发现问题');
    expect(outcomeText(row({ outcome: 'pending' }))).toBe('尚未检查');
    expect(outcomeText(row({ outcome: 'unstaffed' }))).toBe('未能派员，未实施检查');
  });

  it('makes one row per visit with the enterprise, date, agencies, items and outcome', () => {
    const sheet = publicationSheet(publication);
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '序号',
      '企业名称',
      '风险等级',
      '检查日期',
      '检查实施机关',
      '联合检查',
      '检查事项',
      '检查结果',
    ]);
    expect(sheet.rows[0]).toEqual([
      1,
      '浙江龙盛化工有限公司',
      '重大风险',
      new Date(Date.UTC(2027, 1, 10)),
      '上虞区应急管理局、绍兴市生态环境局上虞分局',
      '是',
      '危险化学品企业安全检查表（42项）',
      '发现隐患3项（其中重大隐患1项），已责令整改',
    ]);
    expect(sheet.rows[1]?.[3]).toBeNull();
    expect(sheet.rows[1]?.[7]).toBe('尚未检查');
    expect(publicationFileName(publication, 'xlsx')).toBe('双随机抽查结果公示-2027-Q1.xlsx');
  });
});
