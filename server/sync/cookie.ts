import { z } from 'zod';
import { ENTITY_NAMES } from '#shared/sync/entities';

/** The workspace as a cookie sees it. */
export interface CookieBase {
  workspaceId: string;
  /** Changes when the data starts a new life (fresh database, restore): old cookies must not match. */
  epoch: string;
  version: number;
}

/**
 * A cookie names the workspace, its epoch and the version a client has seen.
 * One for another workspace or epoch, a malformed one, or one from the future
 * is "unknown": the client gets `clear` and the full state.
 */
export function encodeCookie(base: CookieBase, version = base.version): string {
  return `${base.workspaceId}:${base.epoch}:${version}`;
}

export function decodeCookie(cookie: string | null, current: CookieBase): number | null {
  if (cookie === null) return null;
  const prefix = `${current.workspaceId}:${current.epoch}:`;
  if (!cookie.startsWith(prefix)) return null;
  const digits = cookie.slice(prefix.length);
  if (!/^\d{1,15}$/.test(digits)) return null;
  const version = Number(digits);
  return version <= current.version ? version : null;
}

const ResumeState = z.object({
  epoch: z.string().max(100),
  /** Workspace version when the full pull began; becomes the cookie once all pages are in. */
  baseVersion: z.number().int().nonnegative(),
  afterEntity: z.union([z.literal(''), z.enum(ENTITY_NAMES as [string, ...string[]])]),
  afterId: z.string().regex(/^[A-Za-z0-9_:-]{0,200}$/),
  loaded: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ResumeState = z.infer<typeof ResumeState>;

export function encodeResume(state: ResumeState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/**
 * The state of a paged full pull, or null for a token this server would not have
 * handed out (the client then starts the full pull over). Tokens come back from
 * clients, so every field is validated before it reaches a query.
 */
export function decodeResume(token: string, current: CookieBase): ResumeState | null {
  try {
    const result = ResumeState.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    if (!result.success) return null;
    const state = result.data;
    return state.epoch === current.epoch && state.baseVersion <= current.version ? state : null;
  } catch {
    return null;
  }
}
