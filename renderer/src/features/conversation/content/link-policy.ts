/**
 * Which link targets in ticket content may become clickable links, and what to
 * tell the agent about them. Pure functions, so the rules are table-tested.
 *
 * Same schemes as the desktop shell's window-open handler: a link the renderer
 * shows is one the shell will hand to the system browser.
 */
const EXTERNAL_SCHEME = /^(?:https?|mailto):/i;
const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/**
 * The URL to link to, or null when the target must stay text. Two checks on
 * purpose: the literal string must start with an allowed scheme (so nothing a
 * browser strips or decodes — tabs, entities, leading spaces — can change the
 * scheme), and the WHATWG parser must agree (no relative or `//host` targets).
 */
export function externalLink(target: string): URL | null {
  if (!EXTERNAL_SCHEME.test(target)) return null;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return url;
}

/** Where a link really goes, in words an agent can check: the host, or the mail address. */
export function linkDestination(url: URL): string {
  return url.protocol === 'mailto:' ? decodeSafely(url.pathname) : url.hostname;
}

/**
 * A URL, domain or mail address anywhere in a link's text (`https://bank.com`,
 * `www.bank.com`, `help@bank.com`): group 1 the mailbox, group 2 the host.
 * A false match only adds a host suffix, so the pattern errs on matching.
 */
const ADDRESS_IN_TEXT =
  /(?:[a-z][a-z0-9+.-]*:(?:\/\/)?)?(?:([^\s/?#:@<>()]+)@)?([^\s/?#:@<>()]+\.[a-z][^\s/?#:@<>()]*)/i;

/**
 * The destination to show beside a link whose text looks like an address
 * other than the one it opens (`[https://bank.com](https://evil.example)`);
 * null when the text is not an address or names the same place. A URL with a
 * user part (`https://bank.com@evil.example`) always shows its real host.
 */
export function misleadingDestination(text: string, url: URL): string | null {
  const destination = linkDestination(url);
  if (url.username !== '' || url.password !== '') return destination;
  const match = ADDRESS_IN_TEXT.exec(text);
  if (!match?.[2]) return null;
  const [, mailbox, host] = match;
  const named = url.protocol === 'mailto:' && mailbox ? `${mailbox}@${host}` : host;
  return sameAddress(named, destination) ? null : destination;
}

function sameAddress(named: string, destination: string): boolean {
  const canonical = (address: string) => address.toLowerCase().replace(/\.$/, '');
  return canonical(named) === canonical(destination);
}

/** How a refused or unloaded target is shown as text: trimmed, so a long `data:` URL cannot flood the page. */
export function describeTarget(target: string, max = 80): string {
  const oneLine = target.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** Where an image would have come from, for its placeholder. */
export function imageSource(src: string): string {
  const url = externalLink(src);
  if (url && url.protocol !== 'mailto:') return url.hostname;
  if (/^data:/i.test(src.trim())) return 'embedded data';
  return 'an unsupported address';
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
