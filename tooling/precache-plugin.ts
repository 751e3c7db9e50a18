import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

const PLACEHOLDER = /([`'"])__SHIFTDESK_PRECACHE__\1/;
const SW_FILE = 'sw.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((file) => file !== SW_FILE && !file.endsWith('.map'))
    .sort();
}

/**
 * Builds the app-shell service worker (`sw.js`) with the list of every built
 * file baked in, and a version digest of their contents so a new build replaces
 * the old cache. Runs after the bundle is written, when the file list is final.
 */
export function precacheServiceWorker(options: { entry: string }): Plugin {
  let outDir = '';
  return {
    name: 'shiftdesk:precache-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: options.entry, fileName: SW_FILE });
    },
    async closeBundle() {
      const files = await listFiles(outDir);
      const digest = createHash('sha256');
      for (const file of files) digest.update(file).update(await readFile(join(outDir, file)));
      const manifest = { version: digest.digest('hex').slice(0, 16), urls: files.map((file) => `/${file}`) };
      const swPath = join(outDir, SW_FILE);
      const source = await readFile(swPath, 'utf8');
      if (!PLACEHOLDER.test(source)) throw new Error(`${swPath} has no precache placeholder; was sw.ts changed?`);
      await writeFile(swPath, source.replace(PLACEHOLDER, JSON.stringify(JSON.stringify(manifest))));
    },
  };
}
