import { describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../../../../../domain/data/gb18218-table';
import { ghsCategories, ghsClasses } from '../../../../../../domain/data/ghs-hazard-classes';
import { gradeUnit } from '../../../../../../domain/rules/gb18218-unit';
import type { HazardUnit } from '../../../../../../domain/schemas/hazard-unit';
import { hazardUnitSchema } from '../../../../../../domain/schemas/hazard-unit';
import type { EnterpriseFormValues } from '../../../../../../renderer/src/features/administration/enterprises/enterprise-form-values';
import {
  changedFieldPaths,
  checkValues,
  emptyValues,
} from '../../../../../../renderer/src/features/administration/enterprises/enterprise-form-values';
import type { UnitFormValues } from '../../../../../../renderer/src/features/administration/enterprises/unit-form-values';
import {
  blankHolding,
  blankUnit,
  classificationOptions,
  previewUnit,
  table1Options,
  unitOf,
  unitValuesOf,
} from '../../../../../../renderer/src/features/administration/enterprises/unit-form-values';
import { creditCode } from '../../../../../support/record-fixtures';

const table = defaultGb18218Table;

/** Every kind of holding the record can hold, and some the form only keeps. */
const units: HazardUnit[] = [
  {
    kind: 'storageTankFarm',
    name: '一号罐区',
    position: { lat: 30.05, lon: 120.81 },
    peopleWithin500m: 40,
    holdings: [
      { name: '液氨', cas: '7664-41-7', classes: [], maxQuantityT: 8 },
      // A CAS that Table 1 splits, its variant stated and not.
      { name: '硝化棉溶液', cas: '9004-70-0', variant: 'solution', classes: [], maxQuantityT: 1 },
      { name: '硝酸铵', cas: '6484-52-2', classes: [], maxQuantityT: 2 },
      // A Table 1 row without a CAS.
      { name: '化肥', table1RowId: 't1-45', classes: [], maxQuantityT: 100 },
    ],
  },
  {
    kind: 'warehouse',
    name: '溶剂库',
    holdings: [
      {
        name: '某毒物',
        classes: [
          { class: 'flammableLiquid', category: '2' },
          { class: 'acuteToxicity', category: '2', route: 'inhalation' },
        ],
        physicalState: 'liquid',
        boilingPointC: 65,
        maxQuantityT: 3,
      },
      // A CAS Table 1 does not name, without classes: kept as a holding by CAS.
      { name: '水', cas: '7732-18-5', classes: [], maxQuantityT: 1 },
      {
        name: '氨水',
        cas: '1336-21-6',
        classes: [{ class: 'skinCorrosion', category: '1B' }],
        mixture: { pureClasses: [{ class: 'flammableGas', category: '2' }] },
        conditions: ['specialProcess'],
        maxQuantityT: 5,
      },
    ],
  },
  { kind: 'other', name: '空单元', holdings: [] },
];

const values = (unitValues: UnitFormValues[]): EnterpriseFormValues => ({
  ...emptyValues(),
  name: '上虞丙化工有限公司',
  creditCode: creditCode('91330604000000777'),
  address: '试验路 1 号',
  town: '330604004',
  lat: 30.05,
  lon: 120.8,
  industry: '精细化工',
  peopleWithin500m: 80,
  units: unitValues,
});

describe('the units of the enterprise form', () => {
  it('says every unit it is given back unchanged, mixtures and conditions kept', () => {
    const formValues = units.map((u) => unitValuesOf(u, table));
    expect(formValues[0]?.holdings.map((h) => [h.source, h.table1])).toEqual([
      ['table1', 't1-1'],
      ['table1', 't1-42'],
      ['table1', 'cas:6484-52-2'],
      ['table1', 't1-45'],
    ]);
    expect(formValues[1]?.holdings.map((h) => h.source)).toEqual(['classes', 'classes', 'classes']);
    const back = formValues.map((v) => hazardUnitSchema.parse(unitOf(v, table).unit));
    expect(back).toEqual(units);
    const checked = checkValues(values(formValues));
    expect(checked.ok && checked.input.units).toEqual(units);
  });

  it('takes a Table 1 choice as its CAS and variant, or its row where Table 1 gives no CAS', () => {
    const holding = (table1: string, cas = '') => ({
      ...blankHolding(),
      name: 'x',
      table1,
      cas,
      maxQuantityT: 1,
    });
    const unit = {
      ...blankUnit(),
      name: 'A',
      holdings: [
        holding('t1-44'),
        holding('t1-45'),
        holding('cas:9004-70-0'),
        // Propane's row, recorded under another CAS it is matched by: the CAS is kept.
        holding('t1-1', '7664-41-7'),
      ],
    };
    expect((unitOf(unit, table).unit.holdings as unknown[]).slice(0, 3)).toEqual([
      {
        name: 'x',
        maxQuantityT: 1,
        cas: '6484-52-2',
        variant: 'combustibles-0.2pct-or-less',
        classes: [],
      },
      { name: 'x', maxQuantityT: 1, table1RowId: 't1-45', classes: [] },
      { name: 'x', maxQuantityT: 1, cas: '9004-70-0', classes: [] },
    ]);
  });

  it('names each problem at its field of its unit and holding', () => {
    const bad: UnitFormValues[] = [
      {
        ...blankUnit(),
        name: '',
        lon: 120.8,
        lat: null,
        holdings: [
          { ...blankHolding('table1'), name: '未选物质', maxQuantityT: 1 },
          { ...blankHolding('classes'), name: '错号', cas: '7664-41-8', maxQuantityT: 1 },
          { ...blankHolding('classes'), name: '无量', cas: '7664-41-7', maxQuantityT: null },
          {
            ...blankHolding('classes'),
            name: '毒物',
            classes: ['acuteToxicity|2|inhalation'],
            maxQuantityT: -1,
          },
        ],
      },
    ];
    const checked = checkValues(values(bad));
    expect(checked.ok).toBe(false);
    const problems = checked.ok ? [] : checked.problems.map((p) => `${p.name.join('.')} ${p.code}`);
    expect(problems.sort()).toEqual(
      [
        'units.0.lat unit.positionHalf',
        'units.0.name required',
        'units.0.holdings.0.table1 holding.unidentified',
        'units.0.holdings.1.cas cas.checkDigit',
        'units.0.holdings.2.maxQuantityT required',
        'units.0.holdings.3.physicalState holding.physicalStateRequired',
        'units.0.holdings.3.maxQuantityT outOfRange',
      ].sort(),
    );
  });

  it('previews the unit’s grading as the record will give it, with the enterprise’s people by default', () => {
    const unit = unitValuesOf(units[0] as HazardUnit, table);
    const shown = previewUnit(unit, 80, table);
    const expected = gradeUnit(units[0] as HazardUnit, { peopleWithin500m: 80 }, table);
    expect(shown).toEqual({ ok: true, grading: expected });
    expect(expected.people).toEqual({ count: 40, from: 'unit' });
    const own = previewUnit({ ...unit, peopleWithin500m: null }, 80, table);
    expect(own.ok && own.grading.people).toEqual({ count: 80, from: 'enterprise' });
    expect(previewUnit({ ...unit, peopleWithin500m: null }, null, table)).toEqual({ ok: false });
    expect(previewUnit({ ...unit, name: '' }, 80, table)).toEqual({ ok: false });
    const badCas = {
      ...unit,
      holdings: [{ ...blankHolding('classes'), name: 'x', cas: '7664-41-8', maxQuantityT: 1 }],
    };
    expect(previewUnit(badCas, 80, table)).toEqual({ ok: false });
  });

  it('offers every GHS class and category, and Table 1 searchable by name, alias and CAS', () => {
    const options = classificationOptions('zh');
    const expected = ghsClasses.reduce(
      (n, c) => n + ghsCategories[c].length * (c === 'acuteToxicity' ? 3 : 1),
      0,
    );
    expect(options).toHaveLength(expected);
    expect(options).toContainEqual({
      value: 'acuteToxicity|3|inhalation',
      label: '急性毒性：类别3（吸入）',
    });
    const rows = table1Options(table, 'en', 'variant not stated');
    const ammonia = rows.find((o) => o.value === 't1-1');
    expect(ammonia).toMatchObject({ label: 'ammonia (7664-41-7)' });
    expect(ammonia?.search).toContain('液氨');
    expect(rows.filter((o) => o.value.startsWith('cas:')).map((o) => o.value)).toEqual([
      'cas:9004-70-0',
      'cas:6484-52-2',
    ]);
  });

  it('names the fields a change touched, to clear the problems shown at them', () => {
    expect(
      changedFieldPaths({ units: [undefined, { holdings: [undefined, { classes: ['a|1|'] }] }] }),
    ).toEqual([['units', 1, 'holdings', 1, 'classes']]);
    expect(changedFieldPaths({ name: 'x' })).toEqual([['name']]);
  });
});
