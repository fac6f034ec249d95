// The application menu (File, Edit, View, Help) in the user's language.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuLanguage } from './menu-labels';
import { menuLabels } from './menu-labels';

export interface MenuActions {
  /** Print the focused window to PDF (the same flow as the renderer's pdf:print). */
  printToPdf(defaultName: string): void;
}

export interface MenuOptions {
  language: MenuLanguage;
  isPackaged: boolean;
  isMac: boolean;
}

export function buildMenuTemplate(
  options: MenuOptions,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const t = menuLabels[options.language];
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: t.reload },
    { type: 'separator' },
    { role: 'resetZoom', label: t.resetZoom },
    { role: 'zoomIn', label: t.zoomIn },
    { role: 'zoomOut', label: t.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t.toggleFullScreen },
  ];
  // Developer tools are for developers: a packaged build does not offer them.
  if (!options.isPackaged) view.push({ role: 'toggleDevTools', label: t.toggleDevTools });

  const template: MenuItemConstructorOptions[] = [
    {
      label: t.file,
      submenu: [
        {
          label: t.printToPdf,
          accelerator: 'CmdOrCtrl+P',
          click: () => actions.printToPdf(t.defaultPdfName),
        },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    { label: t.view, submenu: view },
    { label: t.help, submenu: [{ role: 'about', label: t.about }] },
  ];
  // macOS puts the app's own menu first, named after the app.
  if (options.isMac) template.unshift({ label: t.appName, role: 'appMenu' });
  return template;
}
