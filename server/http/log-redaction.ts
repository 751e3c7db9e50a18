/**
 * Log fields that may hold a secret: credentials in request headers, and the
 * secret fields of any logged body or object (top level or one level down,
 * e.g. `{ body: { password } }`). pino replaces them with "[Redacted]".
 * Idempotency keys are not secret and stay readable for tracing retries.
 */
const SECRET_FIELDS = ['password', 'newPassword', 'token', 'secret', 'apiKey'];

export const LOG_REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `req.body.${field}`]),
];
