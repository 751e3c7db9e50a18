import { randomUUID } from 'node:crypto';
import { API_ROUTES } from '#shared/api/routes';
import { PROTOCOL_VERSION, type PushedMutation } from '#shared/sync/protocol';

/**
 * The sync protocol spoken directly from Node, with no app around it: the
 * floor the app's own sync is compared with. One instance is one client
 * (its own client group and client id) of one signed-in user.
 */
export class RawSyncClient {
  readonly clientGroupId = randomUUID();
  readonly clientId = randomUUID();
  cookie: string | null = null;

  constructor(
    private readonly serverUrl: string,
    private readonly token: string,
  ) {}

  private async post(path: string, body: unknown): Promise<string> {
    const response = await fetch(`${this.serverUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${text.slice(0, 300)}`);
    return text;
  }

  /**
   * Pulls until current (every page of a paged pull). Returns each page's
   * round trip (request to the last byte, as text) and size; the JSON is parsed
   * only to read the cookie and resume token.
   */
  async pullUntilCurrent(): Promise<{ ms: number; bytes: number; ops: number }[]> {
    const pages: { ms: number; bytes: number; ops: number }[] = [];
    let resume: string | null = null;
    do {
      const started = performance.now();
      const text = await this.post(API_ROUTES.pull, {
        protocolVersion: PROTOCOL_VERSION,
        clientGroupId: this.clientGroupId,
        cookie: this.cookie,
        resume,
      });
      const ms = performance.now() - started;
      const body = JSON.parse(text) as { cookie: string; resume: string | null; patch: unknown[] };
      pages.push({ ms, bytes: text.length, ops: body.patch.length });
      resume = body.resume;
      if (resume === null) this.cookie = body.cookie;
    } while (resume !== null);
    return pages;
  }

  /** Pushes one batch; returns the server's lastMutationId for this client. */
  async push(mutations: PushedMutation[]): Promise<number> {
    const text = await this.post(API_ROUTES.push, {
      protocolVersion: PROTOCOL_VERSION,
      clientGroupId: this.clientGroupId,
      clientId: this.clientId,
      mutations,
    });
    return (JSON.parse(text) as { lastMutationId: number }).lastMutationId;
  }
}
