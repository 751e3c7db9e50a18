import { contextBridge, ipcRenderer } from 'electron';
import { shellChannel } from '#shared/shell/channels';
import type { ShellApi } from '#shared/shell/contract';

/**
 * The renderer's whole view of the desktop: the contract's named methods, each
 * a single invoke. No ipcRenderer, no Node, no generic "send" escapes here.
 */
const api = {
  getAppInfo: () => ipcRenderer.invoke(shellChannel('getAppInfo')),
  loadSession: () => ipcRenderer.invoke(shellChannel('loadSession')),
  saveSession: (session) => ipcRenderer.invoke(shellChannel('saveSession'), session),
  clearSession: () => ipcRenderer.invoke(shellChannel('clearSession')),
  notify: (notification) => ipcRenderer.invoke(shellChannel('notify'), notification),
} satisfies ShellApi;

contextBridge.exposeInMainWorld('shiftdesk', api);
