import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_FOLDER_CHARS,
  photoFileName,
  photoFolderName,
  safeFileName,
} from '../../../../../renderer/src/features/exports/photo-folders';

describe('safeFileName', () => {
  it('keeps Chinese and replaces what Windows forbids in a name', () => {
    expect(safeFileName('储罐区“可燃气体”报警器: 失效/缺失?')).toBe(
      '储罐区“可燃气体”报警器_ 失效_缺失_',
    );
    expect(safeFileName('a<b>c|d*e\\f"g')).toBe('a_b_c_d_e_f_g');
  });

  it('folds whitespace, drops control characters and a trailing dot or space', () => {
    expect(safeFileName(' 消防通道\n\t堵塞 \u0007. ')).toBe('消防通道 堵塞 _');
    expect(safeFileName('未设置标志...')).toBe('未设置标志');
  });

  it('never exceeds the length allowed, nor splits a character outside the basic plane', () => {
    expect(Array.from(safeFileName('𠀋'.repeat(100))).length).toBe(MAX_FOLDER_CHARS);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const name = safeFileName(text);
        expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FOLDER_CHARS);
        expect(name).not.toMatch(/[<>:"/\\|?*]|[. ]$/u);
        expect([...name].every((c) => c.charCodeAt(0) >= 32 && c !== '\u007f')).toBe(true);
      }),
    );
  });
});

describe('photo folders and files', () => {
  it('numbers each hazard’s folder, so that two hazards of one title never share one', () => {
    expect(photoFolderName(0, '未设置可燃气体报警装置', 12)).toBe('001_未设置可燃气体报警装置');
    expect(photoFolderName(1, '未设置可燃气体报警装置', 12)).toBe('002_未设置可燃气体报警装置');
    expect(photoFolderName(41, '', 1500)).toBe('0042');
    expect(photoFolderName(4, '///', 5)).toBe('005____');
  });

  it('names photos in order with the extension of their type', () => {
    expect(photoFileName(0, 'image/jpeg')).toBe('照片01.jpg');
    expect(photoFileName(10, 'image/webp')).toBe('照片11.webp');
  });
});
