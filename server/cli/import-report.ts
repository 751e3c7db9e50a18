import type { ImportProgress, ImportSummary } from '../import/import-types.ts';

const count = (n: number) => n.toLocaleString('en');
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** "42% · 4,200 rows · 3.1 MB of 7.4 MB". */
export function progressLine(progress: ImportProgress): string {
  const percent =
    progress.totalBytes > 0 ? Math.min(100, Math.floor((progress.bytesRead / progress.totalBytes) * 100)) : 100;
  return `  ${String(percent).padStart(3)}% · ${count(progress.rows)} rows · ${megabytes(progress.bytesRead)} of ${megabytes(progress.totalBytes)}`;
}

/** The closing report: what was imported, what was not and why, and what to do next. */
export function summaryLines(summary: ImportSummary, file: string, partial: boolean): string[] {
  const seconds = summary.durationMs / 1000;
  const rate = seconds > 0 ? Math.round(summary.rowsRead / seconds) : summary.rowsRead;
  const lines: string[] = [];
  if (summary.committed) {
    const numbers = summary.firstNumber !== null ? ` (#${summary.firstNumber}–#${summary.lastNumber})` : '';
    lines.push(
      `Imported ${count(summary.imported)} tickets${numbers} from ${file} (${summary.format}) in ${seconds.toFixed(1)} s, ${count(rate)} rows/s.`,
      `Customers: ${count(summary.customersCreated)} created, ${count(summary.customersMatched)} matched.`,
    );
    if (summary.failuresRecorded > 0) {
      lines.push(
        `Trust ledger: ${count(summary.failuresRecorded)} missed SLA targets in the imported history, recorded on their customers.`,
      );
    }
  } else {
    lines.push(
      `Nothing was imported from ${file} (${summary.format}): ${count(summary.rejected)} of ${count(summary.rowsRead)} rows were rejected.`,
    );
  }
  if (summary.alreadyImported > 0) {
    lines.push(`Skipped ${count(summary.alreadyImported)} tickets imported before (same source id).`);
  }
  if (summary.rejected > 0) {
    lines.push(
      `Rejected rows${summary.rejected > summary.rejections.length ? ` (first ${count(summary.rejections.length)})` : ''}:`,
    );
    for (const rejection of summary.rejections) lines.push(`  row ${rejection.row}: ${rejection.reason}`);
    if (!partial) {
      lines.push(
        `Fix these rows and import again, or run with --partial to import the other ${count(summary.rowsRead - summary.rejected)}.`,
      );
    }
  }
  return lines;
}
