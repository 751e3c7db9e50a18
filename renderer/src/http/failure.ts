import { ApiError, NetworkError } from '../sync/api-client.ts';

/**
 * A failed call to the team backend, said for people: what happened and what
 * to do about it. `retry` is true when trying the same thing again may work.
 */
export interface Failure {
  message: string;
  retry: boolean;
  /** The server was not reached at all (offline, or the backend is down). */
  offline: boolean;
  /** The server's error code, for forms that place a refusal next to a field. */
  code: string | null;
  status: number | null;
}

/** What the admin and team screens say when a request fails. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof NetworkError) {
    return {
      message: `${error.message} This screen reads from the server, so it needs a connection; your queue keeps working offline. Check the connection and try again.`,
      retry: true,
      offline: true,
      code: null,
      status: null,
    };
  }
  if (error instanceof ApiError) {
    const base = { code: error.code, status: error.status, offline: false };
    if (error.status === 401) {
      return { ...base, retry: false, message: 'Your session has ended. Sign in again to continue.' };
    }
    if (error.status === 403) {
      return {
        ...base,
        retry: false,
        message: `${error.message} Your role may have changed: sign out and in again, or ask an administrator.`,
      };
    }
    if (error.status === 429) {
      return { ...base, retry: true, message: `${error.message} Wait a minute, then try again.` };
    }
    if (error.status === 501) {
      return {
        ...base,
        retry: false,
        message: `${error.message} Update the Shiftdesk server to use this screen.`,
      };
    }
    if (error.status >= 500) {
      return {
        ...base,
        retry: true,
        message: `${error.message} Try again; if it keeps failing, the server log says why.`,
      };
    }
    // 4xx answers say what was wrong with the request; the form or dialog shows them beside what caused them.
    return { ...base, retry: false, message: error.message };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    message: `Something went wrong: ${detail}. Try again; if it keeps happening, reload the app.`,
    retry: true,
    offline: false,
    code: null,
    status: null,
  };
}
