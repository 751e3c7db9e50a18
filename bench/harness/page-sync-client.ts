import type { BrowserContext, Page } from '@playwright/test';
import { API_ROUTES } from '#shared/api/routes';
import { PROTOCOL_VERSION } from '#shared/sync/protocol';

/**
 * The sync protocol spoken by hand from a browser page, with no app: push over
 * HTTP, pokes on a bare WebSocket, pull over HTTP and `JSON.parse`. It is the
 * floor the app's own propagation is compared with (what the network, the
 * server and the protocol cost before any IndexedDB, query or rendering work).
 * Plain JavaScript in a string for the same reason as the probe.
 */
const SCRIPT = `(() => {
  if (window.__rawSync) return;
  const now = () => performance.timeOrigin + performance.now();
  const client = {
    config: null,
    socket: null,
    clientGroupId: crypto.randomUUID(),
    clientId: crypto.randomUUID(),
    nextMutationId: 1,
    cookie: null,
    watch: null,
    lastWatch: null,
    pulling: false,
    pullAgain: false,
    pongs: new Map(),
    nextPing: 1,
    async post(path, body) {
      const response = await fetch(path, {
        method: 'POST',
        cache: 'no-store',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + client.config.token },
        body: JSON.stringify({ protocolVersion: client.config.protocolVersion, ...body }),
      });
      if (!response.ok) throw new Error(path + ' answered ' + response.status);
      return response.json();
    },
    async connect(config) {
      client.config = config;
      await new Promise((resolve, reject) => {
        const socket = new WebSocket(config.socketUrl);
        client.socket = socket;
        socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', token: config.token }));
        socket.onerror = () => reject(new Error('the socket failed'));
        socket.onmessage = (event) => {
          const message = JSON.parse(event.data);
          if (message.type === 'ready') resolve();
          else if (message.type === 'poke') client.onPoke(now());
          else if (message.type === 'pong') client.pongs.get(message.at)?.(now());
        };
      });
    },
    /** Pulls every page until current; returns the patch ops of the last pull. */
    async pullUntilCurrent() {
      let resume = null;
      const ops = [];
      do {
        const body = await client.post(client.config.pullPath, {
          clientGroupId: client.clientGroupId,
          cookie: client.cookie,
          resume,
        });
        ops.push(...body.patch);
        resume = body.resume;
        if (resume === null) client.cookie = body.cookie;
      } while (resume !== null);
      return ops;
    },
    onPoke(at) {
      if (!client.watch) return;
      client.watch.pokeAt ??= at;
      if (client.pulling) {
        client.pullAgain = true;
        return;
      }
      void client.pullLoop();
    },
    async pullLoop() {
      client.pulling = true;
      try {
        do {
          client.pullAgain = false;
          const watch = client.watch;
          if (!watch) break;
          const pullStart = now();
          const ops = await client.pullUntilCurrent();
          const seen = ops.some(
            (op) => op.op === 'put' && op.entity === 'ticket' && op.value.id === watch.ticketId && op.value.priority === watch.priority,
          );
          if (seen) {
            client.watch = null;
            watch.resolve({ seen: now(), pokeAt: watch.pokeAt, pullStart });
          }
        } while (client.pullAgain);
      } finally {
        client.pulling = false;
      }
    },
    /** Starts waiting for the ticket to arrive with that priority (poke, then pull). */
    watchFor(ticketId, priority) {
      let resolve;
      const done = new Promise((r) => (resolve = r));
      client.watch = { ticketId, priority, pokeAt: null, resolve, done };
      client.lastWatch = client.watch;
    },
    async seen(timeoutMs) {
      const watch = client.lastWatch;
      if (!watch) throw new Error('nothing watched');
      return Promise.race([
        watch.done,
        new Promise((_, reject) => setTimeout(() => reject(new Error('the change never arrived')), timeoutMs)),
      ]);
    },
    async setPriority(ticketId, priority) {
      const sent = now();
      const id = client.nextMutationId++;
      const body = await client.post(client.config.pushPath, {
        clientGroupId: client.clientGroupId,
        clientId: client.clientId,
        mutations: [{ id, name: 'setPriority', args: { ticketId, priority }, createdAt: Date.now() }],
      });
      if (body.lastMutationId !== id) throw new Error('the server did not take mutation ' + id);
      return { sent, acked: now() };
    },
    /** One WebSocket round trip: ping, then the server's pong. */
    async ping() {
      // A unique whole number (the protocol's timestamps are integers), echoed back in the pong.
      const at = client.nextPing++;
      const sent = now();
      const received = await new Promise((resolve) => {
        client.pongs.set(at, resolve);
        client.socket.send(JSON.stringify({ type: 'ping', at }));
      });
      client.pongs.delete(at);
      return received - sent;
    },
  };
  window.__rawSync = client;
})();`;

interface RawSyncWindow {
  __rawSync: {
    connect: (config: {
      token: string;
      socketUrl: string;
      pullPath: string;
      pushPath: string;
      protocolVersion: number;
    }) => Promise<void>;
    pullUntilCurrent: () => Promise<unknown[]>;
    watchFor: (ticketId: string, priority: string) => void;
    seen: (timeoutMs: number) => Promise<{ seen: number; pokeAt: number | null; pullStart: number }>;
    setPriority: (ticketId: string, priority: string) => Promise<{ sent: number; acked: number }>;
    ping: () => Promise<number>;
  };
}

/** A protocol-only client in a page of the server's origin (not the app: an API page). */
export class PageSyncClient {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, serverUrl: string, token: string): Promise<PageSyncClient> {
    await context.addInitScript({ content: SCRIPT });
    const page = await context.newPage();
    // A blank page of the server's origin, answered by Playwright: API answers carry a CSP that
    // (rightly) forbids scripts and connections, so the protocol client cannot live in one of those.
    const blank = `${serverUrl}/__bench-blank`;
    await page.route(blank, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
    );
    await page.goto(blank);
    const socketUrl = `${serverUrl.replace(/^http/, 'ws')}${API_ROUTES.socket}`;
    await page.evaluate((config) => (window as unknown as RawSyncWindow).__rawSync.connect(config), {
      token,
      socketUrl,
      pullPath: API_ROUTES.pull,
      pushPath: API_ROUTES.push,
      protocolVersion: PROTOCOL_VERSION,
    });
    return new PageSyncClient(page);
  }

  /** Downloads the window once, for a cookie (setup, not measured). */
  async pullUntilCurrent(): Promise<number> {
    return this.page.evaluate(
      async () => (await (window as unknown as RawSyncWindow).__rawSync.pullUntilCurrent()).length,
    );
  }

  watchFor(ticketId: string, priority: string): Promise<void> {
    return this.page.evaluate(
      ({ ticketId, priority }) => (window as unknown as RawSyncWindow).__rawSync.watchFor(ticketId, priority),
      { ticketId, priority },
    );
  }

  seen(timeoutMs = 10_000): Promise<{ seen: number; pokeAt: number | null; pullStart: number }> {
    return this.page.evaluate((timeoutMs) => (window as unknown as RawSyncWindow).__rawSync.seen(timeoutMs), timeoutMs);
  }

  setPriority(ticketId: string, priority: string): Promise<{ sent: number; acked: number }> {
    return this.page.evaluate(
      ({ ticketId, priority }) => (window as unknown as RawSyncWindow).__rawSync.setPriority(ticketId, priority),
      { ticketId, priority },
    );
  }

  ping(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as RawSyncWindow).__rawSync.ping());
  }
}
