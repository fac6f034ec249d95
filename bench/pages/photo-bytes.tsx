// Photo stand-ins for the sync benchmark: about 100 KB each, starting with a JPEG signature (the
// server checks it) and otherwise random, the same bytes on every page for the same index.
import { createRng } from '../data/rng';

export interface BenchPhoto {
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export function photoBytes(index: number): Uint8Array<ArrayBuffer> {
  const rng = createRng(90_000 + index);
  const size = 90_000 + Math.floor(rng() * 20_000);
  const bytes = new Uint8Array(size);
  const words = new Uint32Array(bytes.buffer, 0, Math.floor(size / 4));
  for (let i = 0; i < words.length; i++) words[i] = Math.floor(rng() * 4294967296);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function benchPhoto(index: number): Promise<BenchPhoto> {
  const bytes = photoBytes(index);
  return { bytes, sha256: await sha256Hex(bytes) };
}
