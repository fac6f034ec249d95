import { describe, expect, it } from 'vitest';
import {
  agencyShortName,
  inspectionDocumentNumber,
} from '../../../../../renderer/src/features/documents/document-numbers';

describe('document numbers of an inspection', () => {
  it.each([
    ['上虞区应急管理局', '上虞应急'],
    ['绍兴市生态环境局上虞分局', '上虞生态环境'],
    ['上虞区经济和信息化局', '上虞经济和信息化'],
    ['道墟街道办事处', '道墟街道'],
    ['杭州湾上虞经济技术开发区管委会', '杭州湾上虞经济技术开发区'],
  ])('shortens %s to %s', (name, short) => {
    expect(agencyShortName(name)).toBe(short);
  });

  it('is provisional, from the id, in the year of the visit in China', () => {
    const number = inspectionDocumentNumber(
      'order',
      { id: '0197a000-0000-7000-8000-00000000abcd', startedAt: '2026-12-31T17:00:00.000Z' },
      '上虞区应急管理局',
    );
    // 17:00 UTC on 31 December is already 1 January 2027 in China.
    expect(number).toBe('上虞应急责改〔2027〕临0000ABCD号');
  });
});
