import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Proves the layer boundaries bite: each case lints a real file of the layer
 * with one offending line added, exactly as `npm run lint` would see it.
 */
// Type-aware linting builds a TypeScript program per layer: seconds on a busy two-core machine
// running the other unit files beside it, so the default 5 s per test is too tight.
describe('layer boundaries (eslint)', { timeout: 60_000 }, () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  async function lintWith(file: string, line: string): Promise<string[]> {
    const source = readFileSync(resolve(ROOT, file), 'utf8');
    const [result] = await eslint.lintText(`${line}\n${source}`, { filePath: resolve(ROOT, file) });
    return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
  }

  it('accepts the files as they are', async () => {
    expect(await lintWith('shared/domain/ticket.ts', '')).toEqual([]);
  });

  it.each([
    [
      'shared/ importing React',
      'shared/domain/ticket.ts',
      "import React from 'react';\nvoid React;",
      /no-restricted-imports.*no react/,
    ],
    [
      'shared/ importing Dexie',
      'shared/domain/ticket.ts',
      "import Dexie from 'dexie';\nvoid Dexie;",
      /no-restricted-imports/,
    ],
    [
      'shared/ importing Electron',
      'shared/domain/ticket.ts',
      "import { app } from 'electron';\nvoid app;",
      /no-restricted-imports/,
    ],
    [
      'shared/ importing a Node built-in',
      'shared/domain/ticket.ts',
      "import { readFileSync } from 'node:fs';\nvoid readFileSync;",
      /no Node built-ins/,
    ],
    [
      'shared/ importing fs without the node: prefix',
      'shared/domain/ticket.ts',
      "import fs from 'fs';\nvoid fs;",
      /no Node built-ins/,
    ],
    [
      'shared/ using window',
      'shared/domain/ticket.ts',
      'export const leak = window.location.href;',
      /no-restricted-globals/,
    ],
    [
      'shared/ using process',
      'shared/domain/ticket.ts',
      'export const leak = process.env.HOME;',
      /no-restricted-globals/,
    ],
    [
      'shared/ reaching into server/',
      'shared/domain/ticket.ts',
      "import { migrate } from '../../server/db/migrate.ts';\nvoid migrate;",
      /may not import app layers/,
    ],
    [
      'renderer/ importing server/',
      'renderer/src/ui/format.ts',
      "import { migrate } from '../../../server/db/migrate.ts';\nvoid migrate;",
      /may not import electron\/ or server\//,
    ],
    [
      'renderer/ importing electron/',
      'renderer/src/ui/format.ts',
      "import { originOf } from '../../../electron/main/security/origins.ts';\nvoid originOf;",
      /may not import electron\/ or server\//,
    ],
    [
      'renderer/ importing the electron module',
      'renderer/src/ui/format.ts',
      "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;",
      /preload contract/,
    ],
    [
      'renderer/ picking a platform by hand',
      'renderer/src/app/App.tsx',
      "import { webShell } from '../platform/browser/web-shell.ts';\nvoid webShell;",
      /@platform/,
    ],
    [
      'electron/ importing renderer/',
      'electron/main/shell-config.ts',
      "import { formatAge } from '../../renderer/src/ui/format.ts';\nvoid formatAge;",
      /may not import renderer\//,
    ],
  ])('fails %s', async (_label, file, line, expected) => {
    const errors = await lintWith(file, line);
    expect(errors.join('\n')).toMatch(expected);
  });
});
