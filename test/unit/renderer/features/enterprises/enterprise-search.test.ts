import { describe, expect, it } from 'vitest';
import { filterEnterprises } from '../../../../../renderer/src/features/enterprises/enterprise-search';
import { creditCode, makeEnterprise } from '../../../../support/record-fixtures';

const dye = makeEnterprise({
  name: '上虞明达染料有限公司',
  creditCode: creditCode('91330604MA2BC1234'),
  address: '杭州湾上虞经济技术开发区纬三路8号',
});
const coat = makeEnterprise({
  name: 'Shangyu Coatings Co.',
  creditCode: creditCode('91330604MA2XY5678'),
  address: '18 Weiqi Road, Hangzhou Bay Zone',
});
const all = [dye, coat];

describe('filterEnterprises', () => {
  it('keeps everything for an empty or blank query', () => {
    expect(filterEnterprises(all, '')).toEqual(all);
    expect(filterEnterprises(all, '   ')).toEqual(all);
  });

  it('finds by part of the name, ignoring case', () => {
    expect(filterEnterprises(all, '染料')).toEqual([dye]);
    expect(filterEnterprises(all, 'coatings')).toEqual([coat]);
  });

  it('finds by the whole credit code typed in lower case', () => {
    expect(filterEnterprises(all, dye.creditCode.toLowerCase())).toEqual([dye]);
  });

  it('finds by a prefix or a middle part of the credit code', () => {
    expect(filterEnterprises(all, '91330604ma2x')).toEqual([coat]);
    expect(filterEnterprises(all, 'BC1234')).toEqual([dye]);
  });

  it('finds by part of the address, ignoring case', () => {
    expect(filterEnterprises(all, '纬三路')).toEqual([dye]);
    expect(filterEnterprises(all, 'weiqi road')).toEqual([coat]);
    expect(filterEnterprises(all, 'hangzhou')).toEqual([coat]);
  });

  it('finds nothing for something that is in none of them', () => {
    expect(filterEnterprises(all, 'zzz')).toEqual([]);
  });
});
