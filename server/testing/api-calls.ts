import type { FastifyInstance, InjectOptions } from 'fastify';
import { LoginResponse } from '#shared/api/auth';
import { API_ROUTES } from '#shared/api/routes';
import { bearer } from './test-server.ts';

/** Calls the API with a bearer token (a session token or an API key secret). */
export function apiAs(app: FastifyInstance, token: string) {
  return (method: InjectOptions['method'], url: string, payload?: object) =>
    app.inject({ method, url, headers: bearer(token), ...(payload === undefined ? {} : { payload }) });
}

/** Signs in with any email and password; fails the test unless it works. */
export async function loginWith(app: FastifyInstance, email: string, password: string): Promise<LoginResponse> {
  const response = await app.inject({ method: 'POST', url: API_ROUTES.login, payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login as ${email} failed: ${response.statusCode} ${response.body}`);
  return LoginResponse.parse(response.json());
}
