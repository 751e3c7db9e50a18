import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError, createApiClient } from './api-client.ts';

/**
 * The browser's fetch, answering as the attachment route does: bytes for the
 * right token, the server's JSON errors otherwise. (The renderer has no Node
 * types, so the network boundary is stood in for here rather than a socket.)
 */
const BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a]);
const seen: { url: string; authorization: string | null }[] = [];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function answer(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : input.toString();
  const authorization = new Headers(init?.headers).get('authorization');
  seen.push({ url, authorization });
  if (url.startsWith('http://down.test')) throw new TypeError('Failed to fetch');
  if (authorization !== 'Bearer tok_good') return json(401, { error: 'unauthorized', message: 'Sign in again.' });
  if (url.endsWith('/api/v1/attachments/att_file')) {
    return new Response(BYTES, { status: 200, headers: { 'content-type': 'application/octet-stream' } });
  }
  if (url.endsWith('/api/v1/attachments/att_html_error')) {
    return new Response('<h1>proxy down</h1>', { status: 502, statusText: 'Bad Gateway' });
  }
  return json(404, { error: 'not_found', message: 'That file is no longer kept.' });
}

beforeEach(() => {
  seen.length = 0;
  vi.stubGlobal('fetch', vi.fn(answer));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const SERVER = 'http://team.test';

describe('ApiClient.downloadAttachment', () => {
  it('fetches the bytes with the session’s bearer token, unchanged', async () => {
    const blob = await createApiClient(SERVER, () => 'tok_good').downloadAttachment('att_file');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(BYTES);
    expect(seen).toEqual([{ url: `${SERVER}/api/v1/attachments/att_file`, authorization: 'Bearer tok_good' }]);
  });

  it('maps the server’s refusals to ApiError with its own message', async () => {
    const api = createApiClient(SERVER, () => 'tok_good');
    const gone = await api.downloadAttachment('att_gone').catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ApiError);
    expect(gone).toMatchObject({ status: 404, code: 'not_found', message: 'That file is no longer kept.' });
    const expired = await createApiClient(SERVER, () => 'tok_old')
      .downloadAttachment('att_file')
      .catch((e: unknown) => e);
    expect(expired).toMatchObject({ status: 401, code: 'unauthorized', message: 'Sign in again.' });
    const html = await api.downloadAttachment('att_html_error').catch((e: unknown) => e);
    expect(html).toBeInstanceOf(ApiError);
    expect(html).toMatchObject({ status: 502, code: 'http_error', message: 'The server answered 502 Bad Gateway.' });
  });

  it('escapes the id into the path', async () => {
    await createApiClient(SERVER, () => 'tok_good')
      .downloadAttachment('../admin?x')
      .catch(() => undefined);
    expect(seen.at(-1)?.url).toBe(`${SERVER}/api/v1/attachments/..%2Fadmin%3Fx`);
  });

  it('an unreachable server is a NetworkError', async () => {
    const error = await createApiClient('http://down.test', () => 'tok_good')
      .downloadAttachment('att_file')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ message: 'Can’t reach the Shiftdesk server at http://down.test.' });
  });
});
