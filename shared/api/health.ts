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

export const ReadyResponse = z.object({
  ready: z.boolean(),
  /** Why not, when not: "database unreachable", "2 migrations pending". */
  reason: z.string().nullable(),
});
export type ReadyResponse = z.infer<typeof ReadyResponse>;
