import { type LoginRequest, LoginResponse } from '#shared/api/auth';
import { ApiErrorBody } from '#shared/api/errors';
import { API_ROUTES } from '#shared/api/routes';
import { type ArchiveSearchRequest, ArchiveSearchResponse } from '#shared/api/archive';
import {
  type FetchRequest,
  type FetchResponse,
  PROTOCOL_VERSION,
  type ProblemReport,
  type PullResponse,
  PushResponse,
  type PushedMutation,
  parseFetchResponse,
  parsePullResponse,
} from '#shared/sync/protocol';
import type { ClientGroupId, ClientId } from '#shared/domain/ids';

/** The server could not be reached at all: offline, or the backend is down. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** The server answered with an error; `message` is written for people. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Parse<T> = (raw: unknown) => T;

export interface ApiClient {
  login: (credentials: LoginRequest) => Promise<LoginResponse>;
  logout: () => Promise<void>;
  push: (body: {
    clientGroupId: ClientGroupId;
    clientId: ClientId;
    mutations: PushedMutation[];
    carrierGroupId?: ClientGroupId;
  }) => Promise<PushResponse>;
  pull: (body: { clientGroupId: ClientGroupId; cookie: string | null; resume: string | null }) => Promise<PullResponse>;
  fetchRoots: (body: FetchRequest) => Promise<FetchResponse>;
  reportProblems: (body: ProblemReport) => Promise<void>;
  searchArchive: (body: ArchiveSearchRequest) => Promise<ArchiveSearchResponse>;
}

/** HTTP calls to the team backend. Every answer is validated before anyone uses it. */
export function createApiClient(serverUrl: string, getToken: () => string | null): ApiClient {
  async function call<T>(path: string, body: unknown, parse: Parse<T> | null): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`${serverUrl}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new NetworkError(`Can’t reach the Shiftdesk server at ${serverUrl}.`);
    }
    const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const error = ApiErrorBody.safeParse(json);
      throw error.success
        ? new ApiError(response.status, error.data.error, error.data.message)
        : new ApiError(response.status, 'http_error', `The server answered ${response.status} ${response.statusText}.`);
    }
    return parse ? parse(json) : (undefined as T);
  }

  return {
    login: (credentials) => call(API_ROUTES.login, credentials, (raw) => LoginResponse.parse(raw)),
    logout: () => call(API_ROUTES.logout, {}, null),
    push: (body) =>
      call(API_ROUTES.push, { protocolVersion: PROTOCOL_VERSION, ...body }, (raw) => PushResponse.parse(raw)),
    pull: (body) => call(API_ROUTES.pull, { protocolVersion: PROTOCOL_VERSION, ...body }, parsePullResponse),
    fetchRoots: (body) => call(API_ROUTES.fetch, body, parseFetchResponse),
    reportProblems: (body) => call(API_ROUTES.problems, body, null),
    searchArchive: (body) => call(API_ROUTES.archiveSearch, body, (raw) => ArchiveSearchResponse.parse(raw)),
  };
}
