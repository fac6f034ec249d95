import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../../electron/main/menu';
import type { MenuLanguage } from '../../../../electron/main/menu-labels';
import { menuLabels, resolveMenuLanguage } from '../../../../electron/main/menu-labels';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);
}

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

const build = (language: MenuLanguage, isPackaged = false, printed: string[] = []) =>
  buildMenuTemplate(
    { language, isPackaged, isMac: false },
    { printToPdf: (name) => printed.push(name) },
  );

describe('menu labels', () => {
  it('has every label, non-empty, in both languages', () => {
    const keys = Object.keys(menuLabels.en).sort();
    expect(Object.keys(menuLabels['zh-CN']).sort()).toEqual(keys);
    for (const language of ['zh-CN', 'en'] as const) {
      for (const key of keys) {
        expect(menuLabels[language][key as keyof (typeof menuLabels)['en']].trim()).not.toBe('');
      }
    }
  });

  it('builds File, Edit, View and Help in each language', () => {
    expect(build('en').map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(build('zh-CN').map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(build('zh-CN'))).toContain('打印为 PDF…');
    expect(labels(build('en'))).toContain('Print to PDF…');
    // Every item is labelled in the chosen language: no English left in the Chinese menu.
    expect(labels(build('zh-CN')).filter((l) => /^[A-Za-z ]+$/.test(l))).toEqual([]);
  });

  it('offers developer tools only in an unpackaged build', () => {
    expect(roles(build('en', false))).toContain('toggleDevTools');
    expect(roles(build('en', true))).not.toContain('toggleDevTools');
    expect(roles(build('en', true))).toEqual(expect.arrayContaining(['quit', 'reload', 'about']));
  });

  it('prints to PDF from the File menu with a default name in the menu language', () => {
    const printed: string[] = [];
    const file = build('zh-CN', true, printed)[0];
    const print = Array.isArray(file?.submenu) ? file.submenu[0] : undefined;
    expect(print?.accelerator).toBe('CmdOrCtrl+P');
    // click is called by Electron with (menuItem, window, event); the action ignores them.
    (print?.click as unknown as () => void)();
    expect(printed).toEqual(['现场检查']);
  });
});

describe('resolveMenuLanguage', () => {
  it('follows the setting, else the system locale, defaulting to Chinese', () => {
    expect(resolveMenuLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveMenuLanguage('zh-CN', 'en-US')).toBe('zh-CN');
    expect(resolveMenuLanguage('system', 'en-GB')).toBe('en');
    expect(resolveMenuLanguage('system', 'zh-TW')).toBe('zh-CN');
    expect(resolveMenuLanguage('system', 'fr-FR')).toBe('zh-CN');
  });
});
