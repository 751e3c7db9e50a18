import { z } from 'zod';

/**
 * Cookies name the workspace and the version a client has seen. A cookie for
 * another workspace, a malformed one, or one from the future (the server's
 * database was reset) is "unknown": the client gets a clear and full state.
 */
export function encodeCookie(workspaceId: string, version: number): string {
  return `${workspaceId}:${version}`;
}

export function decodeCookie(cookie: string | null, workspaceId: string, currentVersion: number): number | null {
  if (cookie === null) return null;
  const separator = cookie.lastIndexOf(':');
  if (separator < 0 || cookie.slice(0, separator) !== workspaceId) return null;
  const digits = cookie.slice(separator + 1);
  if (!/^\d{1,15}$/.test(digits)) return null;
  const version = Number(digits);
  return version <= currentVersion ? version : null;
}

const ResumeState = z.object({
  /** Workspace version when the full pull began; becomes the cookie once all pages are in. */
  baseVersion: z.number().int().nonnegative(),
  afterEntity: z.string().max(100),
  afterId: z.string().max(200),
  loaded: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ResumeState = z.infer<typeof ResumeState>;

export function encodeResume(state: ResumeState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/** Null for a token this server did not hand out (the client then starts the full pull over). */
export function decodeResume(token: string): ResumeState | null {
  try {
    const result = ResumeState.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
