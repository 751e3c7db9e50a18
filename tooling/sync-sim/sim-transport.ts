import { LoginResponse } from '#shared/api/auth';
import { ApiErrorBody } from '#shared/api/errors';
import { API_ROUTES } from '#shared/api/routes';
import { PROTOCOL_VERSION, PushResponse, parseFetchResponse, parsePullResponse } from '#shared/sync/protocol';
import type { SeededRandom } from '#shared/util/seeded-random';
import { ApiError, type ApiClient, NetworkError } from '../../renderer/src/sync/api-client.ts';
import type { SimInstance } from './sim-backend.ts';

/** How often the network misbehaves, per request. */
export interface FaultRates {
  /** The request never reaches the server. */
  lostRequest: number;
  /** The server processes it, but the answer never arrives. */
  lostResponse: number;
  /** A push is also kept aside and delivered again later. */
  duplicatePush: number;
  /** A kept-aside push is delivered now, after newer ones. */
  replayStalePush: number;
}

export const NO_FAULTS: FaultRates = { lostRequest: 0, lostResponse: 0, duplicatePush: 0, replayStalePush: 0 };

/** Something the server must never do, whatever the client sends. */
export class ServerFault extends Error {
  override name = 'ServerFault';
}

/**
 * The client's API over the real server's HTTP layer (Fastify inject: routing,
 * validation, auth, serialization — everything but the socket), with a network
 * that loses, duplicates and reorders requests at seeded random.
 */
export class SimTransport {
  connected = true;
  faults: FaultRates = NO_FAULTS;
  private readonly stalePushes: unknown[] = [];
  private token = '';

  constructor(
    private readonly server: () => SimInstance,
    private readonly random: SeededRandom,
    private readonly email: string,
  ) {}

  async signIn(password: string): Promise<LoginResponse> {
    const response = await this.server().app.inject({
      method: 'POST',
      url: API_ROUTES.login,
      payload: { email: this.email, password },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
    const session = LoginResponse.parse(response.json());
    this.token = session.token;
    return session;
  }

  readonly api: ApiClient = {
    call: () => Promise.reject(new Error('the simulation only syncs')),
    login: () => Promise.reject(new Error('the simulation signs in with signIn()')),
    logout: () => Promise.resolve(),
    push: async (body) => {
      const payload = { protocolVersion: PROTOCOL_VERSION, ...body };
      if (this.connected && this.random.chance(this.faults.replayStalePush) && this.stalePushes.length > 0) {
        const stale = this.stalePushes.splice(this.random.int(this.stalePushes.length), 1)[0];
        await this.send(API_ROUTES.push, stale).catch(() => undefined);
      }
      if (this.random.chance(this.faults.duplicatePush)) this.stalePushes.push(structuredClone(payload));
      return PushResponse.parse(await this.call(API_ROUTES.push, payload));
    },
    pull: async (body) =>
      parsePullResponse(await this.call(API_ROUTES.pull, { protocolVersion: PROTOCOL_VERSION, ...body })),
    fetchRoots: async (body) => parseFetchResponse(await this.call(API_ROUTES.fetch, body)),
    reportProblems: async (body) => {
      await this.call(API_ROUTES.problems, body);
    },
    searchArchive: () => Promise.reject(new Error('not simulated')),
    downloadAttachment: () => Promise.reject(new Error('not simulated')),
  };

  /** Delivers every push kept aside (the end of a flaky spell), ignoring the answers. */
  async flushStalePushes(): Promise<void> {
    for (const stale of this.stalePushes.splice(0)) await this.send(API_ROUTES.push, stale).catch(() => undefined);
  }

  private async call(url: string, payload: unknown): Promise<unknown> {
    if (!this.connected || this.random.chance(this.faults.lostRequest)) {
      throw new NetworkError('simulated: the request never arrived');
    }
    const body = await this.send(url, payload);
    if (this.random.chance(this.faults.lostResponse)) throw new NetworkError('simulated: the answer never arrived');
    return body;
  }

  private async send(url: string, payload: unknown): Promise<unknown> {
    const response = await this.server().app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: { authorization: `Bearer ${this.token}` },
    });
    const json: unknown = response.statusCode === 204 ? null : response.json();
    if (response.statusCode >= 500) throw new ServerFault(`${url} answered ${response.statusCode}: ${response.body}`);
    if (response.statusCode >= 400) {
      const error = ApiErrorBody.safeParse(json);
      throw new ApiError(
        response.statusCode,
        error.success ? error.data.error : 'http_error',
        error.success ? error.data.message : response.body,
      );
    }
    return json;
  }
}
