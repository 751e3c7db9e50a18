import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let common: ReadonlySet<string> | undefined;

/**
 * The bundled list of the 10,000 most common passwords (common-passwords.txt,
 * MIT, see its header), lower-cased. Read on first use, not at import, so a
 * server that never sets a password never pays for it.
 */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('# ') && line !== '#')
      .map((line) => line.toLowerCase()),
  );
  return common;
}
