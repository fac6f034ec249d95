// file:save — ask where to save (native dialog), then write the bytes there.
import { join } from 'node:path';
import type { SaveFileArgs, SaveResult } from '../../../domain/platform/contract';
import type { IpcContext } from './context';
import type { IpcEvent } from './handle';
import { handle } from './handle';

export interface SaveDialogRequest {
  title?: string;
  defaultPath: string;
  filters: SaveFileArgs['filters'];
}

export interface SaveDeps<E> {
  /** The native save dialog, attached to the window that asked. */
  showSaveDialog(
    event: E,
    request: SaveDialogRequest,
  ): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Folder the dialog starts in (the user's documents). */
  defaultDir(): string;
}

/** What to save: like SaveFileArgs, but any bytes (a printed PDF is a Buffer). */
export interface FileToSave {
  defaultName: string;
  filters: SaveFileArgs['filters'];
  data: Uint8Array;
}

export async function saveWithDialog<E>(
  deps: SaveDeps<E>,
  event: E,
  file: FileToSave,
): Promise<SaveResult> {
  const choice = await deps.showSaveDialog(event, {
    defaultPath: join(deps.defaultDir(), file.defaultName),
    filters: file.filters,
  });
  if (choice.canceled || !choice.filePath) return { saved: false, path: null };
  await deps.writeFile(choice.filePath, file.data);
  return { saved: true, path: choice.filePath };
}

export function registerFilesIpc<E extends IpcEvent>(
  { ipcMain, isTrustedSender }: IpcContext<E>,
  deps: SaveDeps<E>,
): void {
  handle(
    ipcMain,
    'file:save',
    ([file], event) => saveWithDialog(deps, event, file),
    isTrustedSender,
  );
}
