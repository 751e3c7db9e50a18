/**
 * Email providers anyone can sign up with. A requester at one of these is a
 * person, not a company: matching them by domain would put every gmail.com
 * writer into one "customer". Not exhaustive — the big ones by share, plus the
 * providers support teams see most; an unknown free-mail domain just becomes
 * a small company customer, which an agent can live with.
 */
const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'msn.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'zoho.com',
  'zohomail.com',
  'fastmail.com',
  'hey.com',
  'mail.com',
  'gmx.net',
  'web.de',
  't-online.de',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
]);

/**
 * Providers with a domain per country (yahoo.co.uk, outlook.fr, hotmail.de):
 * the first label names the provider, what follows is a public suffix.
 */
const FREE_MAIL_FAMILIES: ReadonlySet<string> = new Set([
  'yahoo',
  'ymail',
  'hotmail',
  'outlook',
  'live',
  'gmx',
  'yandex',
]);

/** A public suffix such as `com`, `de` or `co.uk`: one or two short labels. */
const COUNTRY_SUFFIX = /^[a-z]{2,3}(\.[a-z]{2,3})?$/;

export function isFreeMailDomain(domain: string): boolean {
  const normalized = domain.trim().toLowerCase();
  if (FREE_MAIL_DOMAINS.has(normalized)) return true;
  const dot = normalized.indexOf('.');
  if (dot <= 0) return false;
  return FREE_MAIL_FAMILIES.has(normalized.slice(0, dot)) && COUNTRY_SUFFIX.test(normalized.slice(dot + 1));
}
