import { z } from 'zod';

/** The workspace as a cookie sees it. */
export interface CookieBase {
  workspaceId: string;
  /** Changes when the data starts a new life (fresh database, restore): old cookies must not match. */
  epoch: string;
  version: number;
  /** The team's sync window: a cookie made for another window is unknown (the client's window must be rebuilt). */
  windowDays: number;
}

/**
 * A cookie names the workspace, its epoch, the version a client has seen and
 * the window it was made for. One for another workspace, epoch or window, a
 * malformed one, or one from the future is "unknown": the client gets `clear`
 * and its whole window again.
 */
export function encodeCookie(base: CookieBase, version = base.version): string {
  return `${base.workspaceId}:${base.epoch}:${version}:w${base.windowDays}`;
}

export function decodeCookie(cookie: string | null, current: CookieBase): number | null {
  if (cookie === null) return null;
  const prefix = `${current.workspaceId}:${current.epoch}:`;
  if (!cookie.startsWith(prefix)) return null;
  const match = /^(\d{1,15}):w(\d{1,5})$/.exec(cookie.slice(prefix.length));
  if (!match) return null;
  const version = Number(match[1]);
  if (Number(match[2]) !== current.windowDays) return null;
  return version <= current.version ? version : null;
}

const Progress = { loaded: z.number().int().nonnegative(), total: z.number().int().nonnegative() };

/** A paged download of the whole window, in phases: global rows, then each root entity with its children. */
const FullResume = z.object({
  kind: z.literal('full'),
  epoch: z.string().max(100),
  windowDays: z.number().int().positive(),
  /** Rows changed after this version are left to the catch-up pull that follows (it becomes the cookie). */
  baseVersion: z.number().int().nonnegative(),
  /** Fixed when the download starts, so every page agrees on what is in the window. */
  cutoff: z.number().int(),
  phase: z.enum(['global', 'roots', 'final']),
  /** Index into the phase's entity list. */
  entityIndex: z.number().int().nonnegative().max(100),
  afterEntity: z.string().max(100),
  /** The last root's window key; null before the first root of an entity. */
  afterKey: z.number().int().nullable(),
  afterId: z.string().max(200),
  ...Progress,
});
export type FullResume = z.infer<typeof FullResume>;

/** A paged catch-up: the changes in (since, target], in version order. */
const ChangesResume = z.object({
  kind: z.literal('changes'),
  epoch: z.string().max(100),
  windowDays: z.number().int().positive(),
  since: z.number().int().nonnegative(),
  target: z.number().int().nonnegative(),
  cutoff: z.number().int(),
  afterVersion: z.number().int().nonnegative(),
  afterEntity: z.string().max(100),
  afterId: z.string().max(200),
  ...Progress,
});
export type ChangesResume = z.infer<typeof ChangesResume>;

const ResumeState = z.discriminatedUnion('kind', [FullResume, ChangesResume]);
export type ResumeState = z.infer<typeof ResumeState>;

export function encodeResume(state: ResumeState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/**
 * The state of a paged pull, or null for a token this server would not have
 * handed out (the client then starts over). Tokens come back from clients, so
 * every field is validated before it reaches a query.
 */
export function decodeResume(token: string, current: CookieBase): ResumeState | null {
  try {
    const result = ResumeState.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    if (!result.success) return null;
    const state = result.data;
    if (state.epoch !== current.epoch || state.windowDays !== current.windowDays) return null;
    const upTo = state.kind === 'full' ? state.baseVersion : state.target;
    return upTo <= current.version ? state : null;
  } catch {
    return null;
  }
}
