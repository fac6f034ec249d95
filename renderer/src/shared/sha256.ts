// SHA-256 as lower-case hex: the address of a stored blob (the server checks the same hash).

export type HashInput = Blob | ArrayBuffer | ArrayBufferView;

/** The part of the DOM's FileReader used here, named so that Node's type-check knows it too. */
interface ArrayBufferReader {
  result: unknown;
  error: Error | null;
  onload: (() => void) | null;
  onerror: (() => void) | null;
  readAsArrayBuffer(blob: Blob): void;
}

function readBlob(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  // Older DOM implementations only offer FileReader.
  const Reader = (globalThis as { FileReader?: new () => ArrayBufferReader }).FileReader;
  if (!Reader) return Promise.reject(new Error('this Blob cannot be read'));
  return new Promise((resolve, reject) => {
    const reader = new Reader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * The bytes as a Uint8Array over a plain ArrayBuffer. digest() is given a view rather than a
 * bare ArrayBuffer because views are recognised across realms (jsdom, iframes) and buffers are not.
 */
async function toBytes(data: HashInput): Promise<Uint8Array<ArrayBuffer>> {
  if (ArrayBuffer.isView(data)) {
    // Copied: the view may cover part of a larger (or shared) buffer.
    const copy = new Uint8Array(data.byteLength);
    copy.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return copy;
  }
  if (typeof Blob === 'function' && data instanceof Blob)
    return new Uint8Array(await readBlob(data));
  return new Uint8Array(data as ArrayBuffer);
}

export function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export async function sha256Hex(data: HashInput): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', await toBytes(data)));
}
