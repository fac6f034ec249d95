// Which IPC channel each window.api method invokes. Kept free of zod so that the sandboxed
// preload, which needs only this table, stays small; contract.ts checks it against the API.
export const methodChannels = {
  appInfo: 'app:info',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  loadSession: 'session:load',
  storeSession: 'session:store',
  clearSession: 'session:clear',
  loadRevocations: 'revocations:load',
  storeRevocations: 'revocations:store',
  saveFile: 'file:save',
  printToPdf: 'pdf:print',
} as const;
