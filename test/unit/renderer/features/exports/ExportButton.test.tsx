import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { ExportButton } from '../../../../../renderer/src/features/exports/ExportButton';
import { makeEnterprise, makeFinding } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { recordSavedFiles } from '../../support/saved-files';

let profile: Profile;
withTestProfile((opened) => (profile = opened));
const saved = recordSavedFiles();

describe('ExportButton', { timeout: 30_000 }, () => {
  it('saves an .xlsx of the rows it is given, named after its contents and the day', async () => {
    const enterprise = makeEnterprise({ name: '明达染料有限公司' });
    await profile.db.enterprises.put(enterprise);
    const rows = [
      makeFinding({ enterpriseId: enterprise.id, title: '第一条' }),
      makeFinding({ enterpriseId: enterprise.id, title: '第二条' }),
    ];
    renderSignedIn(<ExportButton kind="hazards" rows={async () => rows} />, profile);
    await userEvent.setup().click(await screen.findByRole('button', { name: /Export to Excel/ }));
    expect(await screen.findByText('Exported 2 rows')).toBeTruthy();

    expect(saved).toHaveLength(1);
    expect(saved[0]?.defaultName).toMatch(/^隐患清单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved[0]!.data.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(2).value).toBe('第一条');
    expect(sheet.getRow(3).getCell(9).value).toBe('明达染料有限公司');
  });

  it('says so when there is nothing to export, and plainly when saving fails', async () => {
    window.api.saveFile = async () => {
      throw new Error('disk full');
    };
    renderSignedIn(<ExportButton kind="inspections" rows={[]} />, profile);
    const person = userEvent.setup();
    await person.click(await screen.findByRole('button', { name: /Export to Excel/ }));
    expect(await screen.findByText('There is nothing to export.')).toBeTruthy();
    expect(saved).toHaveLength(0);

    cleanup();
    renderSignedIn(<ExportButton kind="hazards" rows={[makeFinding()]} />, profile);
    await person.click(await screen.findByRole('button', { name: /Export to Excel/ }));
    expect(await screen.findByText('The export failed: disk full')).toBeTruthy();
  });
});
