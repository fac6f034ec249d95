// Owns the file blob store's in-process locks by hash: an upload holds its hashes from putting
// the file in place until its row is written, and collecting unused blobs holds theirs from
// checking that no row came back until the file is gone, so that neither removes or strands the
// other's file. (The embedded database, the only one with files, is opened by one process.)

export interface HashLocks {
  /** Waits until none of `hashes` is held, takes them all at once, and returns their release. */
  acquire(hashes: readonly string[]): Promise<() => void>;
}

export function createHashLocks(): HashLocks {
  const held = new Set<string>();
  let waiting: (() => void)[] = [];
  return {
    async acquire(hashes) {
      // All at once or none: two holders never wait on each other.
      while (hashes.some((h) => held.has(h))) {
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      for (const h of hashes) held.add(h);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        for (const h of hashes) held.delete(h);
        const wake = waiting;
        waiting = [];
        for (const resolve of wake) resolve();
      };
    },
  };
}
