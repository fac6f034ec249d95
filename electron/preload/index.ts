// The sandboxed preload: exposes window.api, one method per contract channel, each invoking
// exactly that channel. Nothing else of ipcRenderer reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './api';

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, args) => ipcRenderer.invoke(channel, ...args)),
);
