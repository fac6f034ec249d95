import { describe, expect, it } from 'vitest';
import { filterEnterprises } from '../../../../../renderer/src/features/enterprises/enterprise-search';
import { creditCode, makeEnterprise } from '../../support/fixtures';

const dye = makeEnterprise({
  name: '上虞明达染料有限公司',
  creditCode: creditCode('91330604MA2BC1234'),
});
const coat = makeEnterprise({
  name: 'Shangyu Coatings Co.',
  creditCode: creditCode('91330604MA2XY5678'),
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

  it('finds nothing for something that is in neither', () => {
    expect(filterEnterprises(all, 'zzz')).toEqual([]);
  });
});
