import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiErrorBody } from '#shared/api/errors';

/** An error meant for the client: its status, a stable code and a message a person can act on. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Validates anything that arrived over the network; bad input is a 400 with the reasons, never a 500. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HttpError(400, 'invalid_request', `${what} is invalid: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/**
 * Postgres "data exception" errors (SQLSTATE class 22: NUL bytes, bad encodings,
 * out-of-range numbers) can only come from values a client sent: a 400, not a 500.
 */
export function isPostgresDataError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/**
 * One JSON error shape for every failure. Client mistakes keep their status and
 * message; anything unexpected is logged in full and answered with a generic 500
 * that leaks nothing.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      const body: ApiErrorBody = { error: error.code, message: error.message };
      return reply.status(error.statusCode).headers(error.headers).send(body);
    }
    if (isPostgresDataError(error)) {
      const body: ApiErrorBody = {
        error: 'invalid_request',
        message: 'The request contains characters or values the database cannot store.',
      };
      return reply.status(400).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const body: ApiErrorBody = { error: error.code ?? 'bad_request', message: error.message };
      return reply.status(status).send(body);
    }
    request.log.error({ err: error }, 'request failed');
    const body: ApiErrorBody = {
      error: 'internal_error',
      message: 'The server hit an unexpected error. Your changes are kept and will be retried.',
    };
    return reply.status(500).send(body);
  });
}
