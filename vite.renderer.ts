import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { precacheServiceWorker } from './tooling/precache-plugin.ts';

export type RendererTarget = 'web' | 'electron';

/** Platform implementations of the shell contract, by build target. */
const PLATFORM_DIRS: Record<RendererTarget, string> = { web: 'browser', electron: 'desktop' };

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/**
 * One renderer, two builds. The platform layer (`@platform`) is chosen here, at
 * build time: web mode gets the browser shell and the offline service worker,
 * the desktop build gets the preload bridge.
 */
export function rendererConfig(target: RendererTarget): UserConfig {
  return {
    root: resolve(root, 'renderer'),
    base: target === 'web' ? '/' : './',
    publicDir: resolve(root, 'renderer/public'),
    plugins: [
      react(),
      ...(target === 'web' ? [precacheServiceWorker({ entry: resolve(root, 'renderer/service-worker/sw.ts') })] : []),
    ],
    resolve: {
      alias: { '@platform': resolve(root, 'renderer/src/platform', PLATFORM_DIRS[target], 'index.ts') },
    },
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: resolve(root, target === 'web' ? 'out/web' : 'out/renderer'),
      emptyOutDir: true,
      target: 'chrome120',
      sourcemap: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  };
}
