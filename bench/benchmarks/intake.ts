import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { API_ROUTES } from '#shared/api/routes';
import { CreatedApiKey } from '#shared/api/api-keys';
import { PROTOCOL_VERSION } from '#shared/sync/protocol';
import { ServerProcess } from '../../tooling/server-process.ts';
import { demoUser } from '../harness/app.ts';
import { envNumber } from '../harness/env.ts';
import { percentile, round } from '../harness/stats.ts';
import type { Benchmark, BenchmarkOutput, Metric } from '../harness/types.ts';

const REQUESTS = envNumber('BENCH_INTAKE_REQUESTS', 2_000);
const CONCURRENCY = envNumber('BENCH_INTAKE_CONCURRENCY', 16);
/** Postgres server URL (any database on it: a scratch database is created next to it); unset → PGlite. */
const DATABASE_URL = process.env.BENCH_DATABASE_URL?.trim() || '';
const ADMIN_EMAIL = 'admin@demo.shiftdesk.test';

/** A scratch Postgres database for the server process, dropped afterwards; null when the bench runs on PGlite. */
async function scratchPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  if (!DATABASE_URL) return null;
  const name = `shiftdesk_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Runs `send(i)` for i in [0, count) with `CONCURRENCY` in flight; returns each call's latency and the wall time. */
async function closedLoop(
  count: number,
  send: (index: number) => Promise<void>,
): Promise<{ wallMs: number; latencies: number[] }> {
  const latencies: number[] = new Array<number>(count);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const t0 = performance.now();
      await send(index);
      latencies[index] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { wallMs: performance.now() - started, latencies };
}

/**
 * A second client (the team lead's) pulling in a loop, as a client does under
 * a steady stream of pokes: notes when each ticket first shows up in a pull.
 */
class Watcher {
  readonly seen = new Map<string, number>();
  private cookie: string | null = null;
  private stopped = false;
  private readonly clientGroupId = randomUUID();
  pulls = 0;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async pullOnce(): Promise<void> {
    let resume: string | null = null;
    do {
      const response = await fetch(`${this.url}${API_ROUTES.pull}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({
          protocolVersion: PROTOCOL_VERSION,
          clientGroupId: this.clientGroupId,
          cookie: this.cookie,
          resume,
        }),
      });
      const text = await response.text();
      const arrived = performance.now();
      if (!response.ok) throw new Error(`pull: ${response.status} ${text.slice(0, 300)}`);
      const body = JSON.parse(text) as {
        cookie: string;
        resume: string | null;
        patch: { op: string; entity?: string; value?: { id?: string } }[];
      };
      for (const op of body.patch) {
        const id = op.value?.id;
        if (op.op === 'put' && op.entity === 'ticket' && id && !this.seen.has(id)) this.seen.set(id, arrived);
      }
      resume = body.resume;
      if (resume === null) this.cookie = body.cookie;
      this.pulls++;
    } while (resume !== null);
  }

  start(): void {
    this.loop = (async () => {
      while (!this.stopped) await this.pullOnce();
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}

const ms = (value: number) => round(value, 1);

/**
 * Intake throughput: `REQUESTS` tickets POSTed over real HTTP with an API key,
 * `CONCURRENCY` at a time, each with its own Idempotency-Key, while another
 * client pulls in a loop to see when each ticket is live in the queues. Next
 * to: the same number of GET /auth/me (a trivial authenticated request) at the
 * same concurrency, in the same run.
 */
export const intake: Benchmark = {
  name: 'intake',
  description: `${REQUESTS.toLocaleString('en')} intake tickets over HTTP, ${CONCURRENCY} concurrent, on ${DATABASE_URL ? 'Postgres' : 'PGlite'}, vs GET /auth/me`,
  run: async (): Promise<BenchmarkOutput> => {
    const scratch = await scratchPostgres();
    const server = await ServerProcess.start({
      tickets: 50,
      env: { DATABASE_URL: scratch?.url ?? '', SHIFTDESK_INTAKE_RATE_PER_MINUTE: '100000' },
    });
    try {
      const { token: adminToken } = await server.login(ADMIN_EMAIL);
      const created = await fetch(`${server.url}${API_ROUTES.createApiKey}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ name: 'bench intake', scopes: ['intake'], ratePerMinute: 10_000 }),
      });
      if (!created.ok) throw new Error(`create API key: ${created.status} ${await created.text()}`);
      const { secret } = CreatedApiKey.parse(await created.json());

      // Baseline: a trivial authenticated request, same count, same concurrency.
      const me = await closedLoop(REQUESTS, async () => {
        const response = await fetch(`${server.url}${API_ROUTES.me}`, {
          headers: { authorization: `Bearer ${adminToken}` },
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`GET me: ${response.status}`);
      });
      const meRate = REQUESTS / (me.wallMs / 1000);
      console.log(`  baseline GET /auth/me: ${Math.round(meRate)} req/s, p95 ${ms(percentile(me.latencies, 95))} ms`);

      const { token: leadToken } = await server.login(demoUser('lead').email);
      const watcher = new Watcher(server.url, leadToken);
      await watcher.pullOnce();
      watcher.start();

      const runId = randomBytes(4).toString('hex');
      const answeredAt = new Map<string, number>();
      const intake = await closedLoop(REQUESTS, async (index) => {
        const response = await fetch(`${server.url}${API_ROUTES.intakeTicket}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${secret}`,
            'content-type': 'application/json',
            'idempotency-key': `bench-${runId}-${index}`,
          },
          body: JSON.stringify({
            subject: `Bench ticket ${index}`,
            body: 'Sent by the intake benchmark.',
            requester: { email: `customer${index % 200}@bench.example` },
          }),
        });
        const text = await response.text();
        if (response.status !== 201) throw new Error(`intake ${index}: ${response.status} ${text.slice(0, 300)}`);
        answeredAt.set((JSON.parse(text) as { id: string }).id, performance.now());
      });
      const rate = REQUESTS / (intake.wallMs / 1000);

      // Every ticket must arrive; give the watcher a few more pulls, then stop it.
      const deadline = performance.now() + 30_000;
      while ([...answeredAt.keys()].some((id) => !watcher.seen.has(id)) && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      await watcher.stop();
      const missing = [...answeredAt.keys()].filter((id) => !watcher.seen.has(id));
      if (missing.length > 0) throw new Error(`${missing.length} tickets never showed up in a pull`);
      // A ticket committed before its answer left may be seen first: that is no delay (0).
      const live = [...answeredAt].map(([id, at]) => Math.max(0, (watcher.seen.get(id) as number) - at));

      const p = (values: number[], q: number) => ms(percentile(values, q));
      console.log(
        `  intake: ${Math.round(rate)} tickets/s; latency p50 ${p(intake.latencies, 50)} / p95 ${p(intake.latencies, 95)} / ` +
          `p99 ${p(intake.latencies, 99)} ms; live in queues p95 ${p(live, 95)} ms (${watcher.pulls} pulls)`,
      );
      const metrics: Metric[] = [
        { name: 'intake tickets/s', value: Math.round(rate), unit: 'tickets/s', note: `${CONCURRENCY} concurrent` },
        { name: 'intake latency p50', value: p(intake.latencies, 50), unit: 'ms', lowerIsBetter: true },
        { name: 'intake latency p95', value: p(intake.latencies, 95), unit: 'ms', lowerIsBetter: true },
        { name: 'intake latency p99', value: p(intake.latencies, 99), unit: 'ms', lowerIsBetter: true },
        {
          name: 'live in queues p95',
          value: p(live, 95),
          unit: 'ms',
          lowerIsBetter: true,
          note: '201 → ticket in a pull by another client (pulling in a loop)',
        },
        { name: 'live in queues max', value: ms(Math.max(...live)), unit: 'ms', lowerIsBetter: true },
        {
          name: 'baseline GET /auth/me',
          value: Math.round(meRate),
          unit: 'requests/s',
          note: `baseline: ${CONCURRENCY} concurrent; p95 ${p(me.latencies, 95)} ms`,
        },
        {
          name: 'intake / baseline throughput',
          value: round(rate / meRate, 3),
          unit: 'x',
          note: 'tickets/s ÷ GET /auth/me per s',
        },
      ];
      return {
        metrics,
        details: {
          database: DATABASE_URL ? 'postgres' : 'pglite',
          requests: REQUESTS,
          concurrency: CONCURRENCY,
          intakeWallMs: intake.wallMs,
          baselineWallMs: me.wallMs,
          pulls: watcher.pulls,
        },
      };
    } finally {
      await server.dispose();
      await scratch?.drop();
    }
  },
};
