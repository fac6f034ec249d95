// Where each hazard's photos go in a zip export: a folder per hazard named after it (its number in
// the export and its title, Chinese kept), and the photos in it numbered. The names are safe on
// every system the bureaus use: nothing Windows forbids in a file name, no trailing dot or space,
// no name longer than a path can bear, and each folder unique through its number.
import type { BlobRef } from '../../../../domain/schemas/common';

/** The longest folder name kept, in characters: room for the zip's own path on Windows. */
export const MAX_FOLDER_CHARS = 60;

// Forbidden in Windows file names; control characters (below 32, and DEL) are replaced too.
const FORBIDDEN = /[<>:"/\\|?*]/gu;
const isControl = (c: string) => (c.codePointAt(0) ?? 0) < 32 || c === '\u007f';

/** `text` as one safe path segment of at most `max` characters (code points); '' if nothing is left. */
export function safeFileName(text: string, max: number = MAX_FOLDER_CHARS): string {
  const visible = Array.from(text, (c) => (isControl(c) && !/\s/u.test(c) ? '_' : c)).join('');
  const cleaned = visible.replace(FORBIDDEN, '_').replace(/\s+/gu, ' ').trim();
  const cut = Array.from(cleaned).slice(0, max).join('');
  // Windows drops a trailing dot or space, so that the name would no longer match the link.
  return cut.replace(/[. ]+$/u, '');
}

const EXTENSIONS: Record<BlobRef['mime'], string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** The folder of the `index`-th hazard (0-based) of the export, e.g. 001_未设置可燃气体报警装置. */
export function photoFolderName(index: number, title: string, count: number): string {
  const digits = Math.max(3, String(count).length);
  const number = String(index + 1).padStart(digits, '0');
  const name = safeFileName(title);
  return name === '' ? number : `${number}_${name}`;
}

/** The `index`-th photo (0-based) of a hazard, e.g. 照片01.jpg. */
export function photoFileName(index: number, mime: BlobRef['mime']): string {
  return `照片${String(index + 1).padStart(2, '0')}.${EXTENSIONS[mime]}`;
}
