import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BlobRef } from '../../../../../domain/schemas/common';
import type { PhotoRef } from '../../../../../domain/schemas/photo-evidence';
import type { Profile } from '../../../../../renderer/src/session/profile';
import type { PhotoBlobStore } from '../../../../../renderer/src/shared/photo-blob-store';
import { ArchiveExportButton } from '../../../../../renderer/src/features/exports/ArchiveExportButton';
import {
  ARCHIVE_WORKBOOK,
  findingArchive,
} from '../../../../../renderer/src/features/exports/finding-archive';
import { makeEnterprise, makeFinding } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { recordSavedFiles } from '../../support/saved-files';

let profile: Profile;
withTestProfile((opened) => (profile = opened));
const saved = recordSavedFiles();

/**
 * The photos' bytes, kept in memory behind the store's contract: the in-memory IndexedDB of these
 * tests clones what it stores, and no Blob of jsdom or Node keeps its bytes through that clone.
 */
const photoStore = new Map<string, Blob>();
const store: PhotoBlobStore = {
  put: async ({ sha256, bytes }) => void photoStore.set(sha256, bytes),
  get: async (sha256) => photoStore.get(sha256),
};

/** A photo kept on this device: its reference and its bytes (a byte that names it). */
async function storedPhoto(
  n: number,
  mime: BlobRef['mime'] = 'image/jpeg',
  evidence: Omit<PhotoRef, keyof BlobRef> = {},
): Promise<PhotoRef> {
  const sha256 = n.toString(16).padStart(64, '0');
  const bytes = new Blob([new Uint8Array([n, n, n])]);
  await store.put({ sha256, mime, size: 3, bytes });
  return { sha256, mime, size: 3, ...evidence };
}

/** Taken by the camera on 29 November 2026 at 10:05 in China, where the device was. */
const cameraEvidence: Omit<PhotoRef, keyof BlobRef> = {
  taken: { at: '2026-11-29T02:05:00.000Z', source: 'camera' },
  position: { lat: 29.98, lon: 120.58, accuracyM: 14.2, source: 'device' },
};

const notOnDevice: PhotoRef = {
  sha256: 'f'.repeat(64),
  mime: 'image/jpeg',
  size: 10,
  taken: { at: '2026-11-28T01:00:00.000Z', source: 'exif' },
  position: null,
};

async function scene() {
  const enterprise = makeEnterprise({ name: '明达染料有限公司' });
  await profile.db.enterprises.put(enterprise);
  return [
    makeFinding({
      enterpriseId: enterprise.id,
      title: '储罐区可燃气体报警器未投用/失效',
      photos: [
        await storedPhoto(1, 'image/jpeg', cameraEvidence),
        await storedPhoto(2, 'image/png'),
      ],
    }),
    makeFinding({ enterpriseId: enterprise.id, title: '消防通道堵塞', photos: [] }),
    makeFinding({
      enterpriseId: enterprise.id,
      title: '储罐区可燃气体报警器未投用/失效',
      photos: [await storedPhoto(3), notOnDevice],
    }),
  ];
}

/** The hyperlink and text of the photo cell of the sheet's `row`-th hazard. */
function photoCell(sheet: ExcelJS.Worksheet, row: number): unknown {
  const header = sheet.getRow(1);
  let column = 0;
  header.eachCell((cell, n) => {
    if (cell.value === '现场照片') column = n;
  });
  return sheet.getRow(row + 1).getCell(column).value;
}

describe('findingArchive', () => {
  it('holds the workbook and each hazard’s photos in a folder named after it, linked from the workbook', async () => {
    const findings = await scene();
    const steps: [number, number][] = [];
    const archive = await findingArchive(profile.db, findings, '2026-11-29', ExcelJS, {
      store,
      onPhotos: (done, total) => steps.push([done, total]),
    });
    expect(archive).toMatchObject({ photos: 3, missing: 1 });
    expect(steps).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);

    const files = unzipSync(archive.bytes);
    expect(Object.keys(files).sort()).toEqual(
      [
        '001_储罐区可燃气体报警器未投用_失效/照片01.jpg',
        '001_储罐区可燃气体报警器未投用_失效/照片02.png',
        '001_储罐区可燃气体报警器未投用_失效/照片说明.txt',
        '003_储罐区可燃气体报警器未投用_失效/照片01.jpg',
        '003_储罐区可燃气体报警器未投用_失效/照片说明.txt',
        ARCHIVE_WORKBOOK,
      ].sort(),
    );
    expect([...files['003_储罐区可燃气体报警器未投用_失效/照片01.jpg']!]).toEqual([3, 3, 3]);
    // Each photo's evidence beside it, as the printed documents word it; a BOM for Notepad.
    const note = (folder: string) =>
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(files[`${folder}/照片说明.txt`]!);
    expect(note('001_储罐区可燃气体报警器未投用_失效')).toBe(
      [
        '\uFEFF储罐区可燃气体报警器未投用/失效：照片说明',
        '',
        '照片01.jpg',
        '  拍摄时间：2026年11月29日 10:05（现场拍摄，设备时间）',
        '  拍摄位置：北纬 29.98000°，东经 120.58000°（精度 14 米，设备定位）',
        '照片02.png',
        '  拍摄时间：未记录',
        '  拍摄位置：位置不明',
        '',
      ].join('\r\n'),
    );
    expect(note('003_储罐区可燃气体报警器未投用_失效')).toContain(
      '照片02.jpg（未下载到本机）\r\n  拍摄时间：2026年11月28日 09:00（照片信息）\r\n  拍摄位置：位置不明',
    );

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files[ARCHIVE_WORKBOOK]!.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(photoCell(sheet, 1)).toEqual({
      text: '2 张',
      hyperlink: '001_储罐区可燃气体报警器未投用_失效',
    });
    expect(photoCell(sheet, 2)).toBe('无');
    expect(photoCell(sheet, 3)).toEqual({
      text: '1 张（1 张未下载到本机）',
      hyperlink: '003_储罐区可燃气体报警器未投用_失效',
    });
  });

  it('marks its Chinese names as UTF-8, so that unpacking keeps them', async () => {
    const archive = await findingArchive(profile.db, await scene(), '2026-11-29', ExcelJS, {
      store,
    });
    // Every entry's local header (PK\x03\x04), walked one after the other, sets bit 11 of its
    // flags when its name is not ASCII: names in UTF-8.
    const view = new DataView(archive.bytes.buffer);
    let headers = 0;
    for (let at = 0; view.getUint32(at, true) === 0x04034b50; headers++) {
      const nameLength = view.getUint16(at + 26, true);
      const name = new TextDecoder().decode(archive.bytes.subarray(at + 30, at + 30 + nameLength));
      const utf8 = (view.getUint16(at + 6, true) & 0x0800) === 0x0800;
      expect(utf8 || [...name].every((c) => c.charCodeAt(0) < 128)).toBe(true);
      at += 30 + nameLength + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
    }
    expect(headers).toBe(6);
  });
});

describe('ArchiveExportButton', { timeout: 30_000 }, () => {
  it('saves the zip of the hazards it is given, and says how many photos were not on the device', async () => {
    // None of the photos' bytes are in this device's database.
    const findings = await scene();
    renderSignedIn(<ArchiveExportButton rows={async () => findings} />, profile);
    await userEvent
      .setup()
      .click(await screen.findByRole('button', { name: /Export with photos \(\.zip\)/ }));
    expect(await screen.findByText('Exported 3 hazards; photos: 0')).toBeTruthy();
    expect(await screen.findByText(/Photos not on this device: 4/)).toBeTruthy();
    expect(saved).toHaveLength(1);
    expect(saved[0]?.defaultName).toMatch(/^隐患清单-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(saved[0]?.filters).toEqual([{ name: 'Zip', extensions: ['zip'] }]);
    expect(Object.keys(unzipSync(saved[0]!.data))).toEqual([ARCHIVE_WORKBOOK]);
  });
});
