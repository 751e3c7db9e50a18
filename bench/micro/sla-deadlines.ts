/**
 * Micro-benchmark of the SLA maths (shared/sla/) in plain Node:
 * `npx tsx bench/micro/sla-deadlines.ts` (sizes: `… sla-deadlines.ts 10000 100000`).
 * Not a vitest file and not part of `npm run bench`: it prints figures for a person to read.
 *
 * Measures nextDeadline over every active ticket, as the query layer does at
 * load (cold: a fresh calendar object, so the day cache and Intl start empty;
 * warm: the same calendar again), and slaStatus for the 40 rows on screen.
 * Tickets: mixed priorities, created over the last 14 days, about a third
 * replied to, some with a customer follow-up waiting, some pending now and
 * some with finished pauses, on a Europe/Berlin office-hours calendar.
 */
import { defaultSlaConfig, type SlaConfig } from '#shared/domain/sla-config';
import type { TicketClock } from '#shared/domain/ticket-clock';
import { nextDeadline, type SlaTicket } from '#shared/sla/sla-clocks';
import { slaStatus } from '#shared/sla/sla-status';
import { pick, random } from '../harness/seeded.ts';
import { median, percentile, round } from '../harness/stats.ts';

const NOW = Date.UTC(2026, 2, 31, 10); // a Tuesday, two days after Berlin's spring change
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const VISIBLE_ROWS = 40;

const PRIORITIES = [
  ['urgent', 5],
  ['high', 20],
  ['normal', 60],
  ['low', 15],
] as const;

function makeTicket(next: () => number): SlaTicket {
  const createdAt = NOW - Math.floor(next() * 14 * DAY);
  const at = (from: number) => from + Math.floor(next() * (NOW - from));
  const firstReplyAt = next() < 0.35 ? at(createdAt) : null;
  const awaitingReplySince = firstReplyAt !== null && next() < 0.4 ? at(firstReplyAt) : null;
  const pauses: [number, number][] = [];
  if (next() < 0.2) {
    const from = at(createdAt);
    pauses.push([from, at(from)]);
  }
  const pausedSince = next() < 0.1 ? at(pauses[0]?.[1] ?? createdAt) : null;
  const clock: TicketClock = { firstReplyAt, awaitingReplySince, solvedAt: null, pausedSince, pauses };
  return {
    priority: pick(next, PRIORITIES),
    status: pausedSince === null ? 'open' : 'pending',
    createdAt,
    updatedAt: createdAt,
    clock,
  };
}

/**
 * A config whose calendar no cache has seen: the day cache is shared between
 * equal calendars, so each gets a holiday of its own, long ago.
 */
let configs = 0;
function freshConfig(): SlaConfig {
  const config = defaultSlaConfig(NOW, 'Europe/Berlin');
  const holiday = new Date(Date.UTC(2000, 0, 1 + configs++)).toISOString().slice(0, 10);
  return { ...config, calendar: { ...config.calendar, holidays: [{ date: holiday, name: 'Bench' }] } };
}

interface Spent {
  wall: number;
  cpu: number;
}

/**
 * Wall time and the process's CPU time, in ms. This machine may be shared with
 * other work: CPU time is what the work itself cost (garbage collection
 * included), wall time what a person would have waited on a machine as loaded.
 */
function time(action: () => void): Spent {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  action();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpuBefore);
  return { wall, cpu: (used.user + used.system) / 1_000 };
}

const walls = (samples: readonly Spent[]) => samples.map((s) => s.wall);
const cpus = (samples: readonly Spent[]) => samples.map((s) => s.cpu);

let sink = 0;
function deadlines(tickets: readonly SlaTicket[], config: SlaConfig): void {
  for (const ticket of tickets) sink += nextDeadline(ticket, config) ?? 0;
}

function runSize(n: number): void {
  const next = random(n);
  const tickets = Array.from({ length: n }, () => makeTicket(next));
  // Warm the engine's compiled code on a throwaway config first.
  deadlines(tickets.slice(0, 5_000), freshConfig());

  const cold: Spent[] = [];
  const warm: Spent[] = [];
  for (let round_ = 0; round_ < 7; round_++) {
    const config = freshConfig();
    cold.push(time(() => deadlines(tickets, config)));
    warm.push(time(() => deadlines(tickets, config)));
  }

  const config = freshConfig();
  deadlines(tickets, config);
  const screens: Spent[] = [];
  // The first 200 screens warm the engine's compiled code and are not counted.
  for (let round_ = -200; round_ < 500; round_++) {
    const first = Math.floor(next() * (n - VISIBLE_ROWS));
    const rows = tickets.slice(first, first + VISIBLE_ROWS);
    const now = NOW + round_ * 1_000;
    const spent = time(() => {
      for (const row of rows) sink += slaStatus(row, config, now)?.remainingMs ?? 0;
    });
    if (round_ >= 0) screens.push(spent);
  }

  console.log(`\n${n.toLocaleString('en')} active tickets (Europe/Berlin office hours, default policies)`);
  const ms = (value: number) => `${round(value)} ms`;
  const us = (value: number) => `${round(value * 1_000)} µs`;
  const rows: [string, string][] = [
    [
      'nextDeadline for all, fresh calendar (median / worst of 7)',
      `wall ${ms(median(walls(cold)))} / ${ms(Math.max(...walls(cold)))}, cpu ${ms(median(cpus(cold)))} / ${ms(Math.max(...cpus(cold)))}`,
    ],
    [
      'nextDeadline for all, day cache warm (median of 7)',
      `wall ${ms(median(walls(warm)))}, cpu ${ms(median(cpus(warm)))}`,
    ],
    ['  per ticket, warm (wall)', `${round((median(walls(warm)) / n) * 1_000_000)} ns`],
    [
      `slaStatus for ${VISIBLE_ROWS} visible rows (median / p99 of 500)`,
      `wall ${us(median(walls(screens)))} / ${us(percentile(walls(screens), 99))}, cpu ${us(median(cpus(screens)))} / ${us(percentile(cpus(screens), 99))}`,
    ],
  ];
  for (const [label, value] of rows) console.log(`  ${label.padEnd(60)} ${value}`);
}

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length > 0 ? sizes : [10_000, 100_000]) runSize(n);
if (sink === 42) console.log('');
