// The platform's save dialog for the export tests: each test starts with a window.api whose
// saveFile records what it is asked to save and answers that it was saved.
import { beforeEach } from 'vitest';
import type { SaveFileArgs } from '../../../../domain/platform/contract';

/**
 * Registers the calling file's hook; gives the files saved in the running test (emptied before
 * each). `path` is where the dialog says the file went (null: the browser's own download).
 */
export function recordSavedFiles(path: string | null = null): SaveFileArgs[] {
  const saved: SaveFileArgs[] = [];
  beforeEach(() => {
    saved.length = 0;
    window.api = {
      saveFile: async (args: SaveFileArgs) => {
        saved.push(args);
        return { saved: true, path };
      },
    } as unknown as Window['api']; // only saveFile is used by the exports
  });
  return saved;
}
