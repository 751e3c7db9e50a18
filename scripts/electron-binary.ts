import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ELECTRON_PACKAGE = resolve(import.meta.dirname, '..', 'node_modules', 'electron');

/**
 * Where the Electron binary is, without triggering electron's lazy download
 * (requiring the package would try GitHub). ELECTRON_OVERRIDE_DIST_PATH wins,
 * as it does for electron itself.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : defaultBinaryName();
  const candidate = override ? join(override, relative) : join(ELECTRON_PACKAGE, 'dist', relative);
  if (existsSync(candidate)) return { path: candidate };
  return {
    missing: override
      ? `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist.`
      : `The Electron binary is not installed (${candidate} is missing); Electron downloads it from GitHub on first use.`,
  };
}

function defaultBinaryName(): string {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** Electron's own installer script, which downloads the binary from GitHub. */
export function electronInstallerPath(): string {
  return join(ELECTRON_PACKAGE, 'install.js');
}
