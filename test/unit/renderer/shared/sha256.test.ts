import { describe, expect, it } from 'vitest';
import { sha256Hex, toHex } from '../../../../renderer/src/shared/sha256';

// FIPS 180-2 test vectors.
const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const twoBlocks = '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1';

describe('sha256Hex', () => {
  it('hashes the standard vectors, from a Blob, an ArrayBuffer and a typed array', async () => {
    const bytes = new TextEncoder().encode('abc');
    expect(await sha256Hex(new Blob(['abc']))).toBe(abc);
    expect(await sha256Hex(bytes.buffer.slice(0))).toBe(abc);
    expect(await sha256Hex(bytes)).toBe(abc);
    expect(await sha256Hex(new Blob([]))).toBe(empty);
    expect(
      await sha256Hex(new Blob(['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'])),
    ).toBe(twoBlocks);
  });

  it('hashes only the viewed part of a typed array', async () => {
    const padded = new TextEncoder().encode('xxabcxx');
    expect(await sha256Hex(padded.subarray(2, 5))).toBe(abc);
  });

  it('tells different bytes apart', async () => {
    const one = await sha256Hex(new Uint8Array([0, 1, 2]));
    const other = await sha256Hex(new Uint8Array([0, 1, 3]));
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(one).not.toBe(other);
  });
});

describe('toHex', () => {
  it('writes two lower-case digits per byte, keeping leading zeros', () => {
    expect(toHex(new Uint8Array([0, 9, 10, 255]).buffer)).toBe('00090aff');
  });
});
