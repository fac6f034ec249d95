import { describe, expect, it } from 'vitest';
import type { SaveDeps, SaveDialogRequest } from '../../../../../electron/main/ipc/files';
import { saveWithDialog } from '../../../../../electron/main/ipc/files';
import { pdfFileName, printToPdfAndSave } from '../../../../../electron/main/ipc/pdf';
import type { PdfOptions } from '../../../../../electron/main/ipc/pdf';

function fakeDeps(choice: { canceled: boolean; filePath?: string }) {
  const written: [string, string][] = [];
  const dialogs: SaveDialogRequest[] = [];
  const printed: PdfOptions[] = [];
  const deps: SaveDeps<string> & {
    printToPdf: (r: string, o: PdfOptions) => Promise<Uint8Array>;
  } = {
    showSaveDialog: async (_requester, request) => {
      dialogs.push(request);
      return choice;
    },
    writeFile: async (path, data) => {
      written.push([path, new TextDecoder().decode(data)]);
    },
    defaultDir: () => '/home/li/Documents',
    printToPdf: async (_requester, options) => {
      printed.push(options);
      return new TextEncoder().encode('%PDF');
    },
  };
  return { deps, written, dialogs, printed };
}

const file = { defaultName: 'list.csv', filters: [], data: new TextEncoder().encode('x') };

describe('saveWithDialog', () => {
  it('writes where the user chose, starting in the documents folder', async () => {
    const { deps, written, dialogs } = fakeDeps({ canceled: false, filePath: '/tmp/a.csv' });
    expect(await saveWithDialog(deps, 'window', file)).toEqual({ saved: true, path: '/tmp/a.csv' });
    expect(dialogs[0]?.defaultPath).toBe('/home/li/Documents/list.csv');
    expect(written).toEqual([['/tmp/a.csv', 'x']]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { deps, written } = fakeDeps({ canceled: true, filePath: '' });
    expect(await saveWithDialog(deps, 'window', file)).toEqual({ saved: false, path: null });
    expect(written).toEqual([]);
  });
});

describe('printToPdfAndSave', () => {
  it('prints A4 in the asked orientation and offers a .pdf name', async () => {
    const { deps, dialogs, printed, written } = fakeDeps({
      canceled: false,
      filePath: '/tmp/r.pdf',
    });
    await printToPdfAndSave(deps, 'window', { defaultName: '检查记录', landscape: true });
    expect(printed).toEqual([{ pageSize: 'A4', landscape: true, printBackground: true }]);
    expect(dialogs[0]?.defaultPath).toBe('/home/li/Documents/检查记录.pdf');
    expect(dialogs[0]?.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(written).toEqual([['/tmp/r.pdf', '%PDF']]);
  });

  it('keeps an existing .pdf extension', () => {
    expect(pdfFileName('a.PDF')).toBe('a.PDF');
    expect(pdfFileName('a')).toBe('a.pdf');
  });
});
