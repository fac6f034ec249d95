// The application menu's words in both languages. The main process has no i18next: the menu
// is its only user-visible text, and typing both tables by one key list keeps them complete.
import type { LanguageSetting } from '../../domain/platform/contract';

export type MenuLanguage = 'zh-CN' | 'en';

const en = {
  appName: 'Field Inspector',
  file: 'File',
  printToPdf: 'Print to PDF…',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: 'View',
  reload: 'Reload',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Toggle Full Screen',
  toggleDevTools: 'Toggle Developer Tools',
  help: 'Help',
  about: 'About Field Inspector',
  defaultPdfName: 'Field Inspector',
};

export type MenuLabelKey = keyof typeof en;

const zhCN: Record<MenuLabelKey, string> = {
  appName: '现场检查',
  file: '文件',
  printToPdf: '打印为 PDF…',
  quit: '退出',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  view: '视图',
  reload: '重新加载',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  toggleFullScreen: '切换全屏',
  toggleDevTools: '切换开发者工具',
  help: '帮助',
  about: '关于现场检查',
  defaultPdfName: '现场检查',
};

export const menuLabels: Record<MenuLanguage, Record<MenuLabelKey, string>> = {
  'zh-CN': zhCN,
  en,
};

/** The language the menu speaks: the setting, or for 'system' English on English systems and
 * Chinese everywhere else (the product's default). */
export function resolveMenuLanguage(setting: LanguageSetting, systemLocale: string): MenuLanguage {
  if (setting !== 'system') return setting;
  return systemLocale.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
