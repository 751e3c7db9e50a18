import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BrowserWindow, Notification, app, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { buildContentSecurityPolicy } from '#shared/security/csp';
import { APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './app-protocol.ts';
import { createShellInvoker, registerShellIpc } from './security/ipc-guard.ts';
import { navigationGuard } from './security/navigation-guard.ts';
import { originOf } from './security/origins.ts';
import { isPermissionAllowed } from './security/permissions.ts';
import { secureWindowOptions } from './security/window-options.ts';
import { windowOpenHandler } from './security/window-open.ts';
import { createSessionVault } from './session-vault.ts';
import { backendConnectSources, loadShellConfig } from './shell-config.ts';
import { createShellHandlers } from './shell-handlers.ts';

// Wiring only: every decision above is a plain, unit-tested module.

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const config = loadShellConfig(process.env);
if (config.profileDir) app.setPath('userData', config.profileDir);
app.enableSandbox();

const devOrigin = config.devRendererUrl ? originOf(config.devRendererUrl) : null;
const trustedOrigins = devOrigin ? [devOrigin] : [APP_ORIGIN];
const rendererDir = join(import.meta.dirname, '..', 'renderer');
const preloadPath = join(import.meta.dirname, '..', 'preload', 'index.cjs');

// A second launch only focuses the first window (see 'second-instance') and exits.
const isPrimaryInstance = app.requestSingleInstanceLock();
if (!isPrimaryInstance) app.quit();

app.on('web-contents-created', (_event, contents) => {
  const guard = navigationGuard(trustedOrigins);
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler((url) => void shell.openExternal(url)));
});

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(config.devRendererUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

void app.whenReady().then(() => {
  if (!isPrimaryInstance) return;
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, trustedOrigins)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, trustedOrigins),
  );

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: rendererDir,
      contentSecurityPolicy: buildContentSecurityPolicy({ connectSources: backendConnectSources(config.serverUrl) }),
      readFile: (path) => readFile(path),
    }),
  );

  const vaultPath = join(app.getPath('userData'), 'session.bin');
  const vault = createSessionVault(safeStorage, {
    read: () => readFile(vaultPath).catch(() => null),
    write: async (data) => {
      await mkdir(dirname(vaultPath), { recursive: true });
      await writeFile(vaultPath, data, { mode: 0o600 });
    },
    remove: () => rm(vaultPath, { force: true }),
  });
  const handlers = createShellHandlers({
    appInfo: { name: 'Shiftdesk', version: app.getVersion(), shell: 'electron', serverUrl: config.serverUrl },
    vault,
    showNotification: ({ title, body }) => new Notification({ title, body }).show(),
  });
  registerShellIpc(ipcMain, createShellInvoker(handlers, trustedOrigins));

  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
});

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
