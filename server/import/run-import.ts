import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { TicketId } from '#shared/domain/ids';
import { Ticket } from '#shared/domain/ticket';
import { teamSlaConfig } from '#shared/sync/mutators/sla/team-sla-config';
import { recordAudit } from '../audit.ts';
import { CustomerMatcher } from '../customers/customer-matcher.ts';
import type { Database, Sql } from '../db/database.ts';
import { newId } from '../db/new-id.ts';
import { serverMutatorTx } from '../sync/server-mutator-tx.ts';
import { insertRows, nextWorkspaceVersion, notifyPoke } from '../sync/sync-rows.ts';
import { recordTicketNumbers, takeTicketNumbers } from '../tickets/ticket-numbers.ts';
import type { ImportFormat, ImportProgress, ImportSummary, ImportedTicket, RowRejection } from './import-types.ts';
import { ImportedFailures, importedClock } from './imported-history.ts';
import { mapRow, provenanceTag } from './map-row.ts';
import { openSource } from './read-source.ts';

export interface ImportOptions {
  file: string;
  workspaceId: string;
  /** Detected from the file when absent. */
  format?: ImportFormat | undefined;
  /** Import the good rows and report the rest; without it, one bad row means nothing is imported. */
  partial?: boolean | undefined;
  /** Rows per round trip (default 1,000): bounds memory, whatever the file's size. */
  batchSize?: number | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/** Rejections listed in the summary; more are counted, not kept (a broken 100 MB file must not fill memory). */
const LISTED_REJECTIONS = 1_000;

/** Thrown inside the transaction to roll it back when rows were rejected and the import is all-or-nothing. */
class RolledBack extends Error {}

interface Pending {
  row: number;
  ticket: ImportedTicket;
  tag: string | null;
}

/** Which source keys (`zendesk-1234`) are already imported, and by which version: this import's own, or earlier. */
async function importedBefore(tx: Sql, workspaceId: string, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.query<{ source_key: string; version: number }>(
    'select source_key, version from import_sources where workspace_id = $1 and source_key = any($2::text[])',
    [workspaceId, [...keys]],
  );
  return new Map(rows.map((row) => [row.source_key, row.version]));
}

async function recordSources(
  tx: Sql,
  workspaceId: string,
  version: number,
  entries: { key: string; ticketId: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `insert into import_sources (workspace_id, source_key, ticket_id, version)
     select $1, unnest($2::text[]), unnest($3::text[]), $4`,
    [workspaceId, entries.map((e) => e.key), entries.map((e) => e.ticketId), version],
  );
}

/**
 * Imports tickets (and the customers they need) from a Zendesk, Freshdesk or
 * Shiftdesk CSV export, or JSON (an array or one object per line), streamed in
 * batches so the file never sits in memory. Everything happens in one
 * transaction: with rejected rows and no `partial`, it rolls back and nothing
 * is imported; the summary lists why. Imported tickets get numbers, keep their
 * source id as a tag (`zendesk-1234`), and a second import of the same export
 * skips them. The transaction holds the team's write lock (agents' changes
 * wait), so big imports belong off-shift.
 */
export async function runImport(db: Database, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 1_000;
  const totalBytes = (await stat(options.file)).size;
  let bytesRead = 0;
  const source = await openSource(options.file, options.format, (bytes) => (bytesRead += bytes));
  const summary: ImportSummary = {
    format: source.format,
    committed: false,
    rowsRead: 0,
    imported: 0,
    alreadyImported: 0,
    rejected: 0,
    rejections: [],
    customersCreated: 0,
    customersMatched: 0,
    failuresRecorded: 0,
    firstNumber: null,
    lastNumber: null,
    durationMs: 0,
  };
  const reject = (rejection: RowRejection) => {
    summary.rejected++;
    if (summary.rejections.length < LISTED_REJECTIONS) summary.rejections.push(rejection);
  };
  const writing = () => options.partial === true || summary.rejected === 0;

  try {
    await db.transaction(async (tx) => {
      const version = await nextWorkspaceVersion(tx, options.workspaceId);
      const now = Date.now();
      const customers = new CustomerMatcher(tx, options.workspaceId, version, now);
      // Customers are global rows every client holds in full, so the server can hold them for an import too.
      await customers.preloadAll();
      const failures = new ImportedFailures(await teamSlaConfig(serverMutatorTx(tx, options.workspaceId, version)));
      let batch: Pending[] = [];

      const flush = async () => {
        const pending = batch;
        batch = [];
        if (writing() && pending.length > 0) await write(pending);
        options.onProgress?.({ bytesRead, totalBytes, rows: summary.rowsRead });
      };

      const write = async (pending: Pending[]) => {
        const tags = pending.flatMap((p) => (p.tag ? [p.tag] : []));
        const existing = await importedBefore(tx, options.workspaceId, tags);
        const firstRowOf = new Map<string, number>();
        const fresh = pending.filter((p) => {
          if (!p.tag) return true;
          const earlierInFile = firstRowOf.get(p.tag);
          const stored = existing.get(p.tag);
          if (earlierInFile !== undefined || stored === version) {
            reject({
              row: p.row,
              reason: `${p.tag} appears twice in the file${earlierInFile ? ` (row ${earlierInFile})` : ''}`,
            });
            return false;
          }
          if (stored !== undefined) {
            summary.alreadyImported++;
            return false;
          }
          firstRowOf.set(p.tag, p.row);
          return true;
        });
        // A duplicate just rejected makes the whole import roll back unless it is partial.
        if (fresh.length === 0 || !writing()) return;
        const first = await takeTicketNumbers(tx, options.workspaceId, fresh.length);
        const tickets: Ticket[] = [];
        for (const [index, { ticket }] of fresh.entries()) {
          const customer = await customers.customerFor({
            email: ticket.requesterEmail,
            name: ticket.requesterName ?? undefined,
            organization: ticket.organization ?? undefined,
          });
          const createdAt = ticket.createdAt ?? now;
          const updatedAt = Math.max(createdAt, ticket.updatedAt ?? createdAt);
          const clock = importedClock(ticket, createdAt, updatedAt);
          const imported = Ticket.parse({
            id: TicketId.parse(newId('tkt_')),
            number: first + index,
            customerId: customer.id,
            subject: ticket.subject,
            body: ticket.body,
            status: ticket.status,
            priority: ticket.priority,
            channel: ticket.channel,
            requesterName: ticket.requesterName ?? ticket.requesterEmail.split('@')[0] ?? ticket.requesterEmail,
            requesterEmail: ticket.requesterEmail,
            assigneeId: null,
            tags: ticket.tags,
            createdAt,
            updatedAt,
            ...(clock ? { clock } : {}),
          });
          tickets.push(imported);
          failures.note(ticket, imported);
        }
        await customers.flush();
        await insertRows(tx, options.workspaceId, 'ticket', tickets, version);
        await recordTicketNumbers(
          tx,
          options.workspaceId,
          tickets.map((t) => ({ number: t.number ?? 0, ticketId: t.id })),
        );
        await recordSources(
          tx,
          options.workspaceId,
          version,
          fresh.flatMap((p, index) => (p.tag ? [{ key: p.tag, ticketId: tickets[index]?.id ?? '' }] : [])),
        );
        summary.imported += tickets.length;
        summary.firstNumber ??= first;
        summary.lastNumber = first + tickets.length - 1;
      };

      for await (const row of source.rows) {
        summary.rowsRead++;
        const mapped = row.ok ? mapRow(row.bag, row.origin, row.tagSeparator) : row;
        if (!mapped.ok) reject({ row: row.row, reason: mapped.reason });
        else {
          const { ticket } = mapped;
          const tag = ticket.externalId ? provenanceTag(ticket.origin, ticket.externalId) : null;
          batch.push({ row: row.row, ticket, tag });
        }
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      if (!writing()) throw new RolledBack();

      summary.failuresRecorded = await failures.record(tx, options.workspaceId, version);
      summary.customersCreated = customers.created.size;
      summary.customersMatched = customers.matched.size;
      await recordAudit(tx, {
        workspaceId: options.workspaceId,
        userId: null,
        action: 'import.completed',
        detail: {
          file: basename(options.file),
          format: summary.format,
          partial: options.partial === true,
          rowsRead: summary.rowsRead,
          imported: summary.imported,
          alreadyImported: summary.alreadyImported,
          rejected: summary.rejected,
          customersCreated: summary.customersCreated,
          customersMatched: summary.customersMatched,
          failuresRecorded: summary.failuresRecorded,
          firstNumber: summary.firstNumber,
          lastNumber: summary.lastNumber,
        },
      });
      if (summary.imported > 0) await notifyPoke(tx, options.workspaceId, version);
    });
    summary.committed = true;
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    Object.assign(summary, {
      imported: 0,
      customersCreated: 0,
      customersMatched: 0,
      failuresRecorded: 0,
      firstNumber: null,
      lastNumber: null,
    });
  }
  summary.durationMs = Math.round(performance.now() - started);
  return summary;
}
