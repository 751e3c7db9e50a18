import { z } from 'zod';

export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
export const DatabaseKind = z.enum(DATABASE_KINDS);
export type DatabaseKind = z.infer<typeof DatabaseKind>;

export const HealthResponse = z.object({
  ok: z.boolean(),
  version: z.string(),
  db: DatabaseKind,
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** `/api/v1/ready` when the server can take traffic; otherwise a 503 with an ApiErrorBody saying why. */
export const ReadyResponse = z.object({
  ready: z.literal(true),
  version: z.string(),
  db: DatabaseKind,
  /** The newest migration applied, which this server's code expects. */
  schema: z.number().int().nonnegative(),
});
export type ReadyResponse = z.infer<typeof ReadyResponse>;
