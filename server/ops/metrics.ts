import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PushResponse } from '#shared/sync/protocol';

/** What sync routes report; optional, so a server without metrics passes nothing. */
export interface SyncMetrics {
  pushed?: (response: PushResponse, mutations: number) => void;
  pulled?: (rows: number) => void;
}

/**
 * The server's Prometheus instruments, in a registry of their own (not
 * prom-client's global one), so several apps in one process (tests, the sync
 * simulation's two instances) never share or clash over counters.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'shiftdesk_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'shiftdesk_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly pushes = new Counter({
    name: 'shiftdesk_sync_pushes_total',
    help: 'Push requests processed.',
    registers: [this.registry],
  });
  private readonly mutations = new Counter({
    name: 'shiftdesk_sync_mutations_total',
    help: 'Mutations received in pushes (applied or rejected).',
    registers: [this.registry],
  });
  private readonly rejections = new Counter({
    name: 'shiftdesk_sync_mutation_rejections_total',
    help: 'Mutations the server refused, by rejection code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly pulls = new Counter({
    name: 'shiftdesk_sync_pulls_total',
    help: 'Pull pages served.',
    registers: [this.registry],
  });
  private readonly pulledRows = new Counter({
    name: 'shiftdesk_sync_pulled_rows_total',
    help: 'Rows sent in pull pages.',
    registers: [this.registry],
  });

  constructor(liveConnections: () => number) {
    new Gauge({
      name: 'shiftdesk_live_connections',
      help: 'Signed-in live sockets on this instance.',
      registers: [this.registry],
      collect() {
        this.set(liveConnections());
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** `route` is the pattern (`/api/v1/tickets/:id`), never the URL, so ids do not become label values. */
  recordRequest(route: string, method: string, status: number, seconds: number): void {
    const labels = { route, method, status: String(status) };
    this.requests.inc(labels);
    this.latency.observe(labels, seconds);
  }

  readonly sync: Required<SyncMetrics> = {
    pushed: (response, mutations) => {
      this.pushes.inc();
      this.mutations.inc(mutations);
      for (const rejection of response.rejections) this.rejections.inc({ code: rejection.code });
    },
    pulled: (rows) => {
      this.pulls.inc();
      this.pulledRows.inc(rows);
    },
  };
}
