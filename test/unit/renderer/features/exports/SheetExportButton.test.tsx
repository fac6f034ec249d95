import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SheetExportButton } from '../../../../../renderer/src/features/exports/SheetExportButton';
import type { SheetData } from '../../../../../renderer/src/features/exports/sheet-spec';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { recordSavedFiles } from '../../support/saved-files';

const sheet: SheetData = {
  name: '抽查结果',
  columns: [
    { header: '企业名称', type: 'text', width: 30 },
    { header: '检查项数', type: 'integer', width: 10 },
  ],
  rows: [
    ['明达染料有限公司', 40],
    ['浙江龙盛化工有限公司', 20],
  ],
};

let profile: Profile;
withTestProfile((opened) => (profile = opened));
const saved = recordSavedFiles('/home/user/抽查结果.xlsx');

describe('SheetExportButton', { timeout: 30_000 }, () => {
  it('saves the sheet it builds when pressed as an .xlsx under its name, and says where', async () => {
    renderSignedIn(
      <SheetExportButton sheet={() => sheet} fileName="抽查结果.xlsx" label="Export" />,
      profile,
    );
    await userEvent.setup().click(await screen.findByRole('button', { name: /Export/ }));
    expect(await screen.findByText('Exported 2 rows to /home/user/抽查结果.xlsx')).toBeTruthy();
    expect(saved).toHaveLength(1);
    expect(saved[0]?.defaultName).toBe('抽查结果.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved[0]!.data.buffer as ArrayBuffer);
    const worksheet = workbook.worksheets[0]!;
    expect(worksheet.getRow(1).getCell(1).value).toBe('企业名称');
    expect(worksheet.getRow(3).getCell(1).value).toBe('浙江龙盛化工有限公司');
    expect(worksheet.getRow(3).getCell(2).value).toBe(20);
  });

  it('says plainly why saving failed, and is not pressed while disabled', async () => {
    window.api.saveFile = async () => {
      throw new Error('disk full');
    };
    const person = userEvent.setup();
    renderSignedIn(
      <SheetExportButton sheet={() => sheet} fileName="x.xlsx" label="Export" />,
      profile,
    );
    await person.click(await screen.findByRole('button', { name: /Export/ }));
    expect(await screen.findByText('The export failed: disk full')).toBeTruthy();

    cleanup();
    renderSignedIn(
      <SheetExportButton sheet={() => sheet} fileName="x.xlsx" label="Export" disabled />,
      profile,
    );
    const button = await screen.findByRole('button', { name: /Export/ });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});
