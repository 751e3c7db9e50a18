/**
 * Micro-benchmark of the handover snapshot (shared/handover/) in plain Node:
 * `npx tsx bench/micro/handover-snapshot.ts` (sizes: `… handover-snapshot.ts 10000 100000`).
 * Not a vitest file and not part of `npm run bench`: it prints figures for a person to read.
 *
 * The snapshot is taken once, when an agent submits a handover, over every
 * active ticket the device holds. The baseline, measured in the same run, is
 * the least any snapshot must do: one pass over the same tickets counting them
 * by priority. The ratio says what the sections (SLA status per ticket,
 * at-risk customers, escalations) cost on top of reading the tickets.
 */
import { defaultSlaConfig } from '#shared/domain/sla-config';
import { ACTIVE_STATUSES } from '#shared/domain/ticket';
import { handoverSnapshot } from '#shared/handover/snapshot';
import { SNAPSHOT_SECTIONS } from '#shared/handover/snapshot-sections';
import { HandoverSnapshot } from '#shared/domain/handover';
import { escalationFixture } from '#shared/testing/fixtures';
import { median, round } from '../harness/stats.ts';
import { generateCorpus } from './ticket-corpus.ts';

const ROUNDS = 7;
let sink = 0;

function timed(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

function runSize(n: number): void {
  const corpus = generateCorpus(n);
  // Every ticket active, as the snapshot's input is (a flood night holds them all open).
  const tickets = corpus.tickets.map((ticket) =>
    ACTIVE_STATUSES.has(ticket.status) ? ticket : { ...ticket, status: 'open' as const },
  );
  const { customers } = corpus;
  const now = Math.max(Date.UTC(2026, 11, 1), ...tickets.map((ticket) => ticket.updatedAt)) + 60_000;
  const slaConfig = defaultSlaConfig(now, 'Europe/Berlin');
  // A team hands over a few dozen packets a day: 60 in flight, at every stage.
  const escalations = Array.from({ length: 60 }, (_, index) =>
    escalationFixture({
      id: `esc_bench${index}` as never,
      status: (['draft', 'sent', 'acknowledged', 'in_progress'] as const)[index % 4],
      ...(index % 4 === 0 ? {} : { sentAt: now - index * 600_000 }),
    }),
  );
  const input = { tickets, escalations, customers, slaConfig };

  const baseline: number[] = [];
  const snapshot: number[] = [];
  let sections = 0;
  // The first round warms the engine's compiled code and is not counted.
  for (let round_ = -1; round_ < ROUNDS; round_++) {
    const counted = timed(() => {
      const byPriority = new Map<string, number>();
      for (const ticket of tickets) byPriority.set(ticket.priority, (byPriority.get(ticket.priority) ?? 0) + 1);
      sink += byPriority.size;
    });
    const taken = timed(() => {
      const result = handoverSnapshot(input, now + round_, SNAPSHOT_SECTIONS);
      sections = result.sections.length;
      // What is stored must also pass the schema every boundary checks.
      sink += HandoverSnapshot.parse(result).sections.length;
    });
    if (round_ >= 0) {
      baseline.push(counted);
      snapshot.push(taken);
    }
  }
  const base = median(baseline);
  const taken = median(snapshot);
  console.log(
    `\n${n.toLocaleString('en')} active tickets, ${escalations.length} escalations, ${customers.size} customers`,
  );
  console.log(`  baseline: one pass counting by priority (median of ${ROUNDS})   ${round(base, 2)} ms`);
  console.log(`  handoverSnapshot, ${sections} sections, schema-checked (median of ${ROUNDS})  ${round(taken, 1)} ms`);
  console.log(`  ratio snapshot / baseline                                  ${round(taken / base, 1)}×`);
  console.log(`  per ticket                                                 ${round((taken / n) * 1_000_000)} ns`);
}

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length > 0 ? sizes : [10_000, 100_000]) runSize(n);
if (sink === 42) console.log('');
