import type { Database } from '../db/database.ts';
import type { ImportFormat, ImportSummary } from '../import/import-types.ts';
import { runImport } from '../import/run-import.ts';
import { resolveWorkspace } from './open-cli-database.ts';
import { progressLine, summaryLines } from './import-report.ts';

/** Progress lines at most this often: readable in a terminal and in a CI log. */
const PROGRESS_EVERY_MS = 1_000;

export interface ImportRequest {
  file: string;
  format?: ImportFormat | undefined;
  workspaceId?: string | undefined;
  partial: boolean;
}

/**
 * An import as the command line runs it, on an open database: progress while
 * it reads, then the summary, all through `print`. Returns the summary; the
 * caller decides the exit code.
 */
export async function importWithReport(
  db: Database,
  request: ImportRequest,
  print: (line: string) => void,
): Promise<ImportSummary> {
  const workspaceId = await resolveWorkspace(db, request.workspaceId);
  print(`Importing ${request.file} into ${workspaceId}${request.partial ? ' (partial: bad rows are left out)' : ''}…`);
  let shownAt = 0;
  let shownRows = -1;
  const summary = await runImport(db, {
    file: request.file,
    workspaceId,
    format: request.format,
    partial: request.partial,
    onProgress: (progress) => {
      const now = Date.now();
      if (progress.rows === shownRows) return;
      if (now - shownAt < PROGRESS_EVERY_MS && progress.bytesRead < progress.totalBytes) return;
      shownAt = now;
      shownRows = progress.rows;
      print(progressLine(progress));
    },
  });
  for (const line of summaryLines(summary, request.file, request.partial)) print(line);
  return summary;
}
