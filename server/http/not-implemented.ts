import { HttpError } from './errors.ts';

/** A declared route whose handler is still being built: an honest 501, never a silent 404. */
export function notImplemented(): Promise<never> {
  return Promise.reject(
    new HttpError(501, 'not_implemented', 'This server version does not implement this route yet.'),
  );
}
