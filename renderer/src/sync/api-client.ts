import type { LoginRequest, LoginResponse } from '#shared/api/auth';
import { ApiErrorBody } from '#shared/api/errors';
import { type EndpointInput, type EndpointResult, routePath } from '#shared/api/endpoint';
import { ENDPOINTS, type EndpointName, type Endpoints } from '#shared/api/endpoints';
import type { ArchiveSearchRequest, ArchiveSearchResponse } from '#shared/api/archive';
import {
  type FetchRequest,
  type FetchResponse,
  PROTOCOL_VERSION,
  type ProblemReport,
  type PullResponse,
  type PushResponse,
  type PushedMutation,
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

/** Calls any declared route by name, with its input and result types derived from the declaration. */
export type CallEndpoint = <N extends EndpointName>(
  name: N,
  input: EndpointInput<Endpoints[N]>,
) => Promise<EndpointResult<Endpoints[N]>>;

export interface ApiClient {
  call: CallEndpoint;
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
  /** A customer's attachment as bytes, to be saved as a file (never shown inline). */
  downloadAttachment: (id: string) => Promise<Blob>;
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const pairs = Object.entries(query).filter(([, value]) => value !== undefined && value !== null);
  if (pairs.length === 0) return '';
  return `?${new URLSearchParams(pairs.map(([key, value]): [string, string] => [key, String(value)])).toString()}`;
}

/** The error a non-2xx answer stands for, in the server's words when it gave them. */
function errorOf(response: Response, json: unknown): ApiError {
  const error = ApiErrorBody.safeParse(json);
  return error.success
    ? new ApiError(response.status, error.data.error, error.data.message)
    : new ApiError(response.status, 'http_error', `The server answered ${response.status} ${response.statusText}.`);
}

/** HTTP calls to the team backend, through the route declarations. Every answer is validated before use. */
export function createApiClient(serverUrl: string, getToken: () => string | null): ApiClient {
  const authorization = (): Record<string, string> => {
    const token = getToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  const unreachable = () => new NetworkError(`Can’t reach the Shiftdesk server at ${serverUrl}.`);

  const call: CallEndpoint = async (name, input) => {
    const endpoint = ENDPOINTS[name];
    const { params, query, body } = input as {
      params?: Record<string, string>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    const headers = authorization();
    const hasBody = endpoint.method !== 'GET';
    if (hasBody) headers['content-type'] = 'application/json';
    const url = `${serverUrl}${params ? routePath(endpoint.path, params) : endpoint.path}${queryString(query)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: endpoint.method,
        headers,
        body: hasBody ? JSON.stringify(body ?? {}) : undefined,
        cache: 'no-store',
      });
    } catch {
      throw unreachable();
    }
    const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw errorOf(response, json);
    const declared = endpoint as {
      decode?: (raw: unknown) => unknown;
      response?: { parse: (raw: unknown) => unknown };
    };
    const decoded = declared.decode
      ? declared.decode(json)
      : declared.response
        ? declared.response.parse(json)
        : undefined;
    return decoded as never;
  };

  // Bytes, not JSON: the route answers application/octet-stream, so it cannot go through `call`.
  const downloadAttachment = async (id: string): Promise<Blob> => {
    const url = `${serverUrl}${routePath(ENDPOINTS.downloadAttachment.path, { id })}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'GET', headers: authorization(), cache: 'no-store' });
    } catch {
      throw unreachable();
    }
    if (!response.ok) throw errorOf(response, await response.json().catch(() => null));
    try {
      return await response.blob();
    } catch {
      // The connection dropped mid-file.
      throw unreachable();
    }
  };

  return {
    call,
    downloadAttachment,
    login: (credentials) => call('login', { body: credentials }),
    logout: () => call('logout', {}),
    push: (body) => call('push', { body: { protocolVersion: PROTOCOL_VERSION, ...body } }),
    pull: (body) => call('pull', { body: { protocolVersion: PROTOCOL_VERSION, ...body } }),
    fetchRoots: (body) => call('fetch', { body }),
    reportProblems: (body) => call('problems', { body }),
    searchArchive: (body) => call('archiveSearch', { body }),
  };
}
