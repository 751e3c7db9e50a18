import { z } from 'zod';
import { IMPORT_FORMATS } from '../../import/import-types.ts';
import { UsageError, defineCommand, optionalString } from '../command.ts';
import { importWithReport } from '../import-command.ts';
import { withDatabase } from '../open-cli-database.ts';

const Format = z.enum(IMPORT_FORMATS).optional();

export const importCommand = defineCommand({
  words: ['import'],
  summary: 'Import tickets from a Zendesk or Freshdesk export, our CSV, or JSON; all or nothing unless --partial.',
  usage: [
    'Argument: the file (CSV, a JSON array, or one JSON object per line). The format is detected unless --format says.',
    `--format: ${IMPORT_FORMATS.join(', ')}. --partial imports the good rows and lists the others.`,
    'Exit code 1 when nothing was imported. With PGlite, stop the server first (one process per data directory).',
  ],
  options: {
    partial: { type: 'boolean', default: false },
    format: { type: 'string' },
    workspace: { type: 'string' },
  },
  positionals: 1,
  run: async ({ values, positionals, env, print }) => {
    const [file] = positionals;
    if (!file) throw new UsageError('Name the file to import.');
    const format = Format.safeParse(optionalString(values, 'format'));
    if (!format.success) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}.`);
    const summary = await withDatabase(env, (db) =>
      importWithReport(
        db,
        {
          file,
          format: format.data,
          workspaceId: optionalString(values, 'workspace'),
          partial: values.partial === true,
        },
        print,
      ),
    );
    if (!summary.committed) throw new Error('Nothing was imported.');
  },
});
