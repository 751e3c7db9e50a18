/** Links an agent may open in their own browser; everything else goes nowhere. */
const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

export function isExternalLink(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * `setWindowOpenHandler`: the app never opens a new Electron window. A web or
 * mail link is handed to the system (outside the app's privileges); any other
 * scheme (file:, javascript:, custom protocols) is dropped.
 */
export function windowOpenHandler(openExternally: (url: string) => void) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    if (isExternalLink(url)) openExternally(url);
    return { action: 'deny' };
  };
}
