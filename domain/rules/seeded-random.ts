// A reproducible random stream for draws: SHA-256 in counter mode, keyed by a text (the draw's
// seed and what the draw is for). Anyone holding the key can recompute every number with any
// SHA-256 implementation, on any machine:
//
//   K       = SHA-256(UTF-8(key))
//   block i = SHA-256(K ‖ i as 4 bytes big-endian), i = 0, 1, 2, …
//   the stream is the blocks' bytes in order, read as 32-bit big-endian unsigned integers.
//
// Integers below n are taken by rejection (no modulo bias), and lists are shuffled by
// Fisher–Yates, so the documented steps fix every choice a draw makes.
import { sha256 } from './sha256';

export interface SeededRandom {
  /** The next 32-bit unsigned integer of the stream. */
  nextUint32(): number;
  /** A uniformly distributed integer in [0, n), for an integer n from 1 to 2³². */
  below(n: number): number;
  /** A copy of the list in random order (Fisher–Yates: place i takes one of the entries from i on). */
  shuffled<T>(list: readonly T[]): T[];
  /** `count` entries of the list, in the order they were picked (a partial Fisher–Yates). */
  pick<T>(list: readonly T[], count: number): T[];
}

const TWO_32 = 0x1_0000_0000;

export function seededRandom(key: string): SeededRandom {
  const keyHash = sha256(key);
  const message = new Uint8Array(36);
  message.set(keyHash);
  const messageView = new DataView(message.buffer);
  let counter = 0;
  let block: DataView = new DataView(new ArrayBuffer(0));
  let word = 8;

  function nextUint32(): number {
    if (word === 8) {
      if (counter >= TWO_32) throw new RangeError('random stream exhausted');
      messageView.setUint32(32, counter++);
      block = new DataView(sha256(message).buffer);
      word = 0;
    }
    return block.getUint32(4 * word++);
  }

  function below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`bad bound: ${n}`);
    // Accept only values under the largest multiple of n that fits in 32 bits.
    const limit = TWO_32 - (TWO_32 % n);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % n;
    }
  }

  function pick<T>(list: readonly T[], count: number): T[] {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`bad count: ${count}`);
    const items = [...list];
    const n = Math.min(count, items.length);
    // Place i takes a random entry from i to the end; the first n places are the picks.
    for (let i = 0; i < n; i++) {
      const j = i + below(items.length - i);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items.slice(0, n);
  }

  return {
    nextUint32,
    below,
    pick,
    shuffled: (list) => pick(list, list.length),
  };
}
