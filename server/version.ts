import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** The app version from package.json: one number for server, desktop and web. */
export const APP_VERSION = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'package.json'), 'utf8'))).version;
