// pdf:print — print the asking window's current view to an A4 PDF, then save it.
import type { SaveResult } from '../../../domain/platform/contract';
import type { IpcContext } from './context';
import type { SaveDeps } from './files';
import { saveWithDialog } from './files';
import type { IpcEvent } from './handle';
import { handle } from './handle';

export interface PdfOptions {
  pageSize: 'A4';
  landscape: boolean;
  printBackground: boolean;
}

export interface PdfDeps<E> extends SaveDeps<E> {
  /** webContents.printToPDF of the window that asked. */
  printToPdf(event: E, options: PdfOptions): Promise<Uint8Array>;
}

export function pdfFileName(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

/** Print the requester's view, then let the user pick where the PDF goes (menu and IPC). */
export async function printToPdfAndSave<E>(
  deps: PdfDeps<E>,
  requester: E,
  request: { defaultName: string; landscape: boolean },
): Promise<SaveResult> {
  const data = await deps.printToPdf(requester, {
    pageSize: 'A4',
    landscape: request.landscape,
    printBackground: true,
  });
  return saveWithDialog(deps, requester, {
    defaultName: pdfFileName(request.defaultName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    data,
  });
}

export function registerPdfIpc<E extends IpcEvent>(
  { ipcMain, isTrustedSender }: IpcContext<E>,
  deps: PdfDeps<E>,
): void {
  handle(
    ipcMain,
    'pdf:print',
    ([request], event) => printToPdfAndSave(deps, event, request),
    isTrustedSender,
  );
}
