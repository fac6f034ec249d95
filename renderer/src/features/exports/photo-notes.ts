// The note beside a hazard's photos in a zip export (照片说明.txt): each photo's file name with
// when it was taken and where, in the printed documents' words (photo-evidence-text.ts), so that
// the evidence travels with photos taken out of the app. A photo not on this device is listed
// with its evidence and said to be missing. Windows line ends and a byte-order mark, so that
// Notepad on a bureau's laptop opens it as UTF-8.
import type { PhotoRef } from '../../../../domain/schemas/photo-evidence';
import { photoPositionText, photoTimeText } from '../documents/photo-evidence-text';
import { photoFileName } from './photo-folders';

export const PHOTO_NOTE_FILE = '照片说明.txt';

/** The note's text for a hazard's photos; `kept[n]` says whether photo n is in the folder. */
export function photoNoteText(
  title: string,
  photos: readonly PhotoRef[],
  kept: readonly boolean[],
): string {
  const lines = [`${title}：照片说明`, ''];
  for (const [n, photo] of photos.entries()) {
    const name = photoFileName(n, photo.mime);
    lines.push(kept[n] ? name : `${name}（未下载到本机）`);
    lines.push(`  ${photoTimeText(photo)}`);
    lines.push(`  ${photoPositionText(photo)}`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
