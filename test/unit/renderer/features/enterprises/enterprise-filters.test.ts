import { describe, expect, it } from 'vitest';
import {
  filterSummaries,
  noFilters,
} from '../../../../../renderer/src/features/enterprises/enterprise-filters';
import type { EnterpriseSummary } from '../../../../../renderer/src/features/enterprises/enterprise-filters';
import { makeEnterprise } from '../../../../support/record-fixtures';

const rows: EnterpriseSummary[] = [
  {
    enterprise: makeEnterprise({ name: 'A', town: '330604004', track: 'merger' }),
    level: 1,
    overdueCount: 0,
  },
  {
    enterprise: makeEnterprise({ name: 'B', town: '330604004', track: 'shutdown' }),
    level: null,
    overdueCount: 2,
  },
  {
    enterprise: makeEnterprise({ name: 'C', town: '330604400', track: 'merger' }),
    level: 3,
    overdueCount: 1,
  },
];
const names = (list: EnterpriseSummary[]) => list.map((r) => r.enterprise.name);

describe('filterSummaries', () => {
  it('keeps everything without filters and combines filters with AND', () => {
    expect(names(filterSummaries(rows, '', noFilters))).toEqual(['A', 'B', 'C']);
    expect(names(filterSummaries(rows, '', { ...noFilters, town: '330604004' }))).toEqual([
      'A',
      'B',
    ]);
    expect(
      names(filterSummaries(rows, '', { ...noFilters, track: 'merger', overdueOnly: true })),
    ).toEqual(['C']);
    expect(names(filterSummaries(rows, '', { ...noFilters, level: 'none' }))).toEqual(['B']);
    expect(names(filterSummaries(rows, '', { ...noFilters, level: 3 }))).toEqual(['C']);
    expect(names(filterSummaries(rows, 'b', { ...noFilters, town: '330604004' }))).toEqual(['B']);
  });
});
