import { WorkspaceId } from '#shared/domain/ids';
import type { Database } from '../db/database.ts';
import { runImport } from '../import/run-import.ts';
import { ImportFormatError } from '../import/read-source.ts';
import { IMPORT_USAGE, type ImportArgs, parseImportArgs } from './import-args.ts';
import { exitCodeOf, progressLine, summaryLines } from './import-report.ts';

/** Progress lines at most this often: readable in a terminal and in a CI log. */
const PROGRESS_EVERY_MS = 1_000;

/** The team to import into: the one named, or the only one there is. */
async function resolveWorkspace(db: Database, asked: string | undefined): Promise<string> {
  const rows = await db.query<{ id: string }>('select id from workspaces order by id');
  const ids = rows.map((row) => row.id);
  if (asked !== undefined) {
    if (!WorkspaceId.safeParse(asked).success || !ids.includes(asked)) {
      throw new Error(`There is no workspace ${asked} (there is: ${ids.join(', ') || 'none'}).`);
    }
    return asked;
  }
  const [only, ...others] = ids;
  if (!only) throw new Error('This server has no team yet: start it once (npm run server) to create one.');
  if (others.length > 0) throw new Error(`Choose a team with --workspace (${ids.join(', ')}).`);
  return only;
}

/**
 * `server:import`: the command, apart from opening the database (so tests and
 * the later `shiftdesk-server` CLI call it with theirs). Prints progress and the
 * summary through `print`; returns the exit code.
 */
export async function importCommand(
  db: Database,
  argv: readonly string[],
  print: (line: string) => void,
): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv);
  } catch (error) {
    print(`${(error as Error).message}\n\n${IMPORT_USAGE}`);
    return 64;
  }
  try {
    const workspaceId = await resolveWorkspace(db, args.workspaceId);
    print(`Importing ${args.file} into ${workspaceId}${args.partial ? ' (partial: bad rows are left out)' : ''}…`);
    let shownAt = 0;
    let shownRows = -1;
    const summary = await runImport(db, {
      file: args.file,
      workspaceId,
      format: args.format,
      partial: args.partial,
      onProgress: (progress) => {
        const now = Date.now();
        if (progress.rows === shownRows) return;
        if (now - shownAt < PROGRESS_EVERY_MS && progress.bytesRead < progress.totalBytes) return;
        shownAt = now;
        shownRows = progress.rows;
        print(progressLine(progress));
      },
    });
    for (const line of summaryLines(summary, args.file, args.partial)) print(line);
    return exitCodeOf(summary);
  } catch (error) {
    if (error instanceof ImportFormatError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      print(`Cannot import ${args.file}: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}
