// Everything a benchmark run creates outside the repository (temp dirs, child processes, open
// servers and browsers) is registered here and undone in reverse order when the run ends, also
// after an error or a signal.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Undo = () => Promise<void> | void;

const undos: { label: string; undo: Undo }[] = [];

export function onCleanup(label: string, undo: Undo): void {
  undos.push({ label, undo });
}

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `fi-bench-${prefix}-`));
  onCleanup(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A point to undo back to: everything registered after it. */
export function cleanupMark(): number {
  return undos.length;
}

let running: Promise<void> = Promise.resolve();

/**
 * Undoes everything registered after `mark`, newest first. Calls queue behind each other, so that
 * an error path and a signal cleaning up at once never leave anything behind.
 */
export function cleanupAll(mark = 0): Promise<void> {
  running = running.then(async () => {
    while (undos.length > mark) {
      const { label, undo } = undos.pop()!;
      try {
        await undo();
      } catch (error) {
        console.error(`cleanup (${label}) failed:`, error);
      }
    }
  });
  return running;
}
