// Entry point of the desktop app's main process: the only module that imports Electron itself
// and wires it into the small, separately tested parts next to it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import type { Settings } from '../../domain/platform/contract';
import { createOriginCheck, originOf, trustedOrigins } from './app-origin';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { applyCspToDevServer, createDesktopCsp, reportingSessionServer } from './content-security';
import { createSenderCheck } from './ipc/handle';
import type { PdfDeps } from './ipc/pdf';
import { printToPdfAndSave } from './ipc/pdf';
import { registerIpc } from './ipc/register';
import { buildMenuTemplate } from './menu';
import { menuLabels, resolveMenuLanguage } from './menu-labels';
import { buildLayout } from './paths';
import { guardWebContents, restrictPermissions } from './security';
import { createRevocationStore } from './revocation-store';
import { createSessionStore } from './session-store';
import { createSettingsStore } from './settings-store';
import { claimSingleInstance } from './single-instance';
import { createMainWindow } from './windows';

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const layout = buildLayout(fileURLToPath(new URL('.', import.meta.url)));
const isAppUrl = createOriginCheck(trustedOrigins(devServerUrl));
let mainWindow: BrowserWindow | null = null;

interface Requester {
  readonly sender: WebContents;
}

const pdfDeps: PdfDeps<Requester> = {
  showSaveDialog: (requester, request) => {
    const owner = BrowserWindow.fromWebContents(requester.sender);
    return owner ? dialog.showSaveDialog(owner, request) : dialog.showSaveDialog(request);
  },
  writeFile: (path, data) => writeFile(path, data),
  defaultDir: () => app.getPath('documents'),
  printToPdf: (requester, options) => requester.sender.printToPDF(options),
};

function applyMenu(settings: Settings): void {
  const language = resolveMenuLanguage(settings.language, app.getLocale());
  app.setAboutPanelOptions({
    applicationName: menuLabels[language].appName,
    applicationVersion: app.getVersion(),
  });
  const template = buildMenuTemplate(
    { language, isPackaged: app.isPackaged, isMac: process.platform === 'darwin' },
    {
      printToPdf: (defaultName) => {
        const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
        if (!window) return;
        printToPdfAndSave(
          pdfDeps,
          { sender: window.webContents },
          { defaultName, landscape: false },
        ).catch((error: unknown) => console.error('Print to PDF failed', error));
      },
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function openWindow(): BrowserWindow {
  const window = createMainWindow({
    newWindow: (options) => new BrowserWindow(options),
    preloadPath: layout.preload,
    devServerUrl,
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

async function start(): Promise<void> {
  restrictPermissions(session.defaultSession, isAppUrl);
  const userData = app.getPath('userData');
  const settings = createSettingsStore(join(userData, 'settings.json'));
  const initial = await settings.get();
  const csp = createDesktopCsp(initial);
  serveAppProtocol(protocol, layout.rendererDir, () => csp.policy());
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
  if (devOrigin) applyCspToDevServer(session.defaultSession.webRequest, devOrigin, csp.policy);
  const sessionStore = reportingSessionServer(
    createSessionStore(join(userData, 'session.bin'), safeStorage),
    (serverUrl) => csp.updateSessionServer(serverUrl),
  );
  // The first page's policy must already name the server of a remembered session.
  await sessionStore.load().catch(() => null);
  registerIpc<IpcMainInvokeEvent>(
    { ipcMain, isTrustedSender: createSenderCheck(isAppUrl) },
    {
      ...pdfDeps,
      app,
      settings,
      session: sessionStore,
      revocations: createRevocationStore(join(userData, 'revocations.bin'), safeStorage),
      onSettingsChange: (next) => {
        applyMenu(next);
        // A page keeps the policy it was loaded with: a new server needs a new page. The reload
        // waits a turn so that the renderer gets its answer first.
        if (csp.updateSettings(next)) setImmediate(() => mainWindow?.webContents.reload());
      },
    },
  );
  applyMenu(initial);
  mainWindow = openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });
}

// Chromium must know the app:// scheme before the app is ready.
registerAppScheme(protocol);

if (claimSingleInstance(app, () => mainWindow)) {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { isAppUrl, openExternal: (url) => shell.openExternal(url) });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Field Inspector could not start', error);
      app.exit(1);
    });
}
