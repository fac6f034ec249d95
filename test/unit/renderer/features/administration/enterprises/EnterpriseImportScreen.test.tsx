import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../../../domain/schemas/admin-content';
import { EnterpriseImportScreen } from '../../../../../../renderer/src/features/administration/enterprises/EnterpriseImportScreen';
import type { Profile } from '../../../../../../renderer/src/session/profile';
import { renderAdminScreen } from '../../../support/admin-content-render';
import { json, unreachable } from '../../../support/fake-hq';
import type { RecordedRequest } from '../../../support/fake-hq';
import { withTestProfile } from '../../../support/render';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

const CODE = '91330604000000001X';
const bad: ImportPreview = {
  fileProblems: [],
  ignoredColumns: [],
  rows: [
    {
      row: 2,
      creditCode: CODE,
      name: '上虞甲化工有限公司',
      action: 'create',
      changedFields: [],
      problems: [],
    },
    {
      row: 3,
      creditCode: '913306040000000020',
      name: '上虞乙化工有限公司',
      action: 'invalid',
      changedFields: [],
      problems: [
        {
          column: '统一社会信用代码',
          code: 'creditCode.checkCharacter',
          params: { value: '913306040000000020', expected: 'K' },
          message: 'wrong check character',
        },
        {
          column: '所属乡镇/街道',
          code: 'town.unknown',
          params: { value: '火星镇' },
          message: 'not a town',
        },
        {
          sheet: '装置单元',
          row: 5,
          column: '危险性类别',
          code: 'ghs.unknownClass',
          params: { value: '神秘：类别1' },
          message: 'names no GHS hazard class',
        },
      ],
    },
  ],
  counts: { rows: 2, create: 1, update: 0, unchanged: 0, invalid: 1 },
  ok: false,
};
const good: ImportPreview = {
  ...bad,
  rows: [bad.rows[0]!, { ...bad.rows[1]!, action: 'create', problems: [] }],
  counts: { rows: 2, create: 2, update: 0, unchanged: 0, invalid: 0 },
  ok: true,
};

const renderImport = (handler: (r: RecordedRequest) => Response, language: 'en' | 'zh-CN' = 'en') =>
  renderAdminScreen(
    profile,
    {
      path: '/admin/enterprises/import',
      route: '/admin/enterprises/import',
      screen: <EnterpriseImportScreen />,
    },
    handler,
    language,
  );

const file = (name: string) =>
  new File(['统一社会信用代码,企业名称\n'], name, { type: 'text/csv' });

describe('the enterprise import screen', { timeout: 30_000 }, () => {
  it('lists every bad row and why, and offers no import', async () => {
    const requests = renderImport(() => json(200, { preview: bad }));
    await userEvent.upload(screen.getByLabelText('File to import'), file('名录.csv'));
    expect(
      await screen.findByText(
        '“913306040000000020” has a wrong check character (the last should be K)',
      ),
    ).toBeTruthy();
    expect(screen.getByText('“火星镇” is not a town of the district')).toBeTruthy();
    // A problem of the 装置单元 sheet names that sheet's row and column.
    expect(screen.getByText('装置单元 row 5 · 危险性类别')).toBeTruthy();
    expect(
      screen.getByText('“神秘：类别1” names no GHS hazard class; write it as 易燃液体：类别2'),
    ).toBeTruthy();
    expect(screen.getAllByText('上虞乙化工有限公司')).toHaveLength(3);
    expect(screen.getByText(/1 row cannot be imported, so nothing will be/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(requests.map((r) => r.url.pathname)).toEqual([
      '/api/v1/admin/enterprises/import/preview',
    ]);
    expect(requests[0]?.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('imports a good file only once confirmed, and shows the counts', async () => {
    const requests = renderImport(() => json(200, { preview: good }));
    await userEvent.upload(screen.getByLabelText('File to import'), file('名录.csv'));
    await userEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog');
    expect(requests).toHaveLength(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Imported')).toBeTruthy();
    await waitFor(() =>
      expect(requests.map((r) => r.url.pathname).at(-1)).toBe('/api/v1/admin/enterprises/import'),
    );
    expect(
      screen.getAllByText('2 rows: 2 new, 0 changed, 0 unchanged, 0 bad').length,
    ).toBeGreaterThan(0);
  });

  it('says so in Chinese when the server cannot be reached', async () => {
    renderImport(unreachable, 'zh-CN');
    await userEvent.upload(screen.getByLabelText('要导入的文件'), file('名录.csv'));
    expect(await screen.findByText(/连不上服务器/)).toBeTruthy();
  });
});
