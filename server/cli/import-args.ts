import { z } from 'zod';
import { IMPORT_FORMATS, type ImportFormat } from '../import/import-types.ts';

export interface ImportArgs {
  file: string;
  format: ImportFormat | undefined;
  workspaceId: string | undefined;
  partial: boolean;
}

export const IMPORT_USAGE = `Usage: npm run server:import -- <file> [--partial] [--format ${IMPORT_FORMATS.join('|')}] [--workspace <id>]

  <file>        a Zendesk or Freshdesk ticket export (CSV), our CSV layout, or JSON (an array, or one object per line)
  --partial     import the good rows and report the others (default: one bad row and nothing is imported)
  --format      skip detection and read the file as this format
  --workspace   the team to import into (default: the only one on this server)

The server's database comes from the environment, as for npm run server: DATABASE_URL, or SHIFTDESK_DATA_DIR for PGlite.`;

const Format = z.enum(IMPORT_FORMATS);

/** Parses the command line (without node and the script); throws a message meant for the person typing it. */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const files: string[] = [];
  let format: ImportFormat | undefined;
  let workspaceId: string | undefined;
  let partial = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new Error(`${flag} needs a value.`);
      return next;
    };
    if (flag === '--partial') partial = true;
    else if (flag === '--format') {
      const parsed = Format.safeParse(value());
      if (!parsed.success) throw new Error(`--format must be one of ${IMPORT_FORMATS.join(', ')}.`);
      format = parsed.data;
    } else if (flag === '--workspace') workspaceId = value();
    else if (flag?.startsWith('-')) throw new Error(`Unknown option ${flag}.`);
    else files.push(arg);
  }
  const [file, ...extra] = files;
  if (!file) throw new Error('Name the file to import.');
  if (extra.length > 0) throw new Error(`Import one file at a time (got ${files.length}).`);
  return { file, format, workspaceId, partial };
}
