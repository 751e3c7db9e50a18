import type { MailServer } from '#shared/api/mail';

/**
 * A saved password is only ever used again for the server it was saved for:
 * same host, port, security and user. Otherwise "test connection" or a save
 * with another host could hand the team's mailbox password to any server
 * (or send it in clear text), without the admin ever having typed it.
 */
export function savedPasswordFor(
  server: MailServer,
  saved: (MailServer & { password: string | null }) | null,
): string | null {
  if (!saved) return null;
  const same =
    saved.host.toLowerCase() === server.host.toLowerCase() &&
    saved.port === server.port &&
    saved.security === server.security &&
    saved.user === server.user;
  return same ? saved.password : null;
}
