import type { MailServer, MailServerInput, MailSettings, UpdateMailSettingsRequest } from '#shared/api/mail';
import { type AuditActor, recordAudit } from '../audit.ts';
import type { Database, Sql } from '../db/database.ts';
import { HttpError } from '../http/errors.ts';
import type { MailEnvConfig } from './mail-env.ts';
import { savedPasswordFor } from './saved-password.ts';
import { MAIL_OFF, type StoredMailSettings, StoredMailSettings as StoredSchema } from './mail-settings.ts';

export interface EffectiveMailSettings {
  source: MailSettings['source'];
  settings: StoredMailSettings;
}

/**
 * Where a team's email settings come from: the environment (for the team it
 * names, or the only team), else what an admin saved, else email is off.
 */
export class MailSettingsStore {
  constructor(
    private readonly env: MailEnvConfig,
    /** The team the environment's settings belong to, resolved once at start. */
    private readonly envWorkspaceId: string | null,
  ) {}

  isEnvironment(workspaceId: string): boolean {
    return this.env.settings !== null && workspaceId === this.envWorkspaceId;
  }

  async read(sql: Sql, workspaceId: string): Promise<EffectiveMailSettings> {
    if (this.env.settings && this.isEnvironment(workspaceId))
      return { source: 'environment', settings: this.env.settings };
    const [row] = await sql.query<{ settings: unknown }>('select settings from mail_settings where workspace_id = $1', [
      workspaceId,
    ]);
    if (!row) return { source: 'none', settings: MAIL_OFF };
    const parsed = StoredSchema.safeParse(row.settings);
    if (!parsed.success) {
      throw new Error(`The saved email settings of ${workspaceId} are damaged: ${parsed.error.message}`);
    }
    const settings = parsed.data;
    const on = settings.inbound.enabled || settings.outbound.enabled;
    return { source: on ? 'admin' : 'none', settings };
  }

  /** Saves an admin's change; a password left out keeps the saved one. Audited without secrets. */
  async update(
    db: Database,
    workspaceId: string,
    request: UpdateMailSettingsRequest,
    actor: AuditActor,
  ): Promise<StoredMailSettings> {
    if (this.isEnvironment(workspaceId)) {
      throw new HttpError(
        409,
        'set_by_environment',
        "Email is set by the server's environment variables (SHIFTDESK_IMAP_*, SHIFTDESK_SMTP_*); change them there.",
      );
    }
    return db.transaction(async (tx) => {
      await tx.query('select 1 from workspaces where id = $1 for update', [workspaceId]);
      const { settings: before } = await this.read(tx, workspaceId);
      const keep = (
        server: MailServerInput,
        saved: (MailServer & { password: string | null }) | null,
      ): string | null => {
        const password = server.password ?? savedPasswordFor(server, saved);
        if (password === null && server.user !== '') {
          throw new HttpError(
            400,
            'password_required',
            `Enter the password for ${server.user} on ${server.host}: a saved password is kept only while the server, port, security and user stay the same.`,
          );
        }
        return password;
      };
      const { imap } = request.inbound;
      const { smtp } = request.outbound;
      const after: StoredMailSettings = StoredSchema.parse({
        inbound: {
          ...request.inbound,
          imap: imap ? { ...withoutPassword(imap), password: keep(imap, before.inbound.imap) } : null,
        },
        outbound: {
          ...request.outbound,
          smtp: smtp ? { ...withoutPassword(smtp), password: keep(smtp, before.outbound.smtp) } : null,
        },
      });
      await tx.query(
        `insert into mail_settings (workspace_id, settings, updated_at) values ($1, $2, $3)
         on conflict (workspace_id) do update set settings = excluded.settings, updated_at = excluded.updated_at`,
        [workspaceId, JSON.stringify(after), Date.now()],
      );
      await recordAudit(tx, {
        ...actor,
        workspaceId,
        action: 'mail.changed',
        detail: { before: redacted(before), after: redacted(after) },
      });
      return after;
    });
  }
}

function withoutPassword<T extends { password?: string }>(server: T): Omit<T, 'password'> {
  const { password: _password, ...rest } = server;
  return rest;
}

/** The settings with each password replaced by whether one is set: what logs, audits and clients may see. */
export function redacted(settings: StoredMailSettings): object {
  const hide = <T extends { password: string | null }>(server: T | null) =>
    server ? { ...withoutPassword({ ...server, password: undefined }), passwordSet: server.password !== null } : null;
  return {
    inbound: { ...settings.inbound, imap: hide(settings.inbound.imap) },
    outbound: { ...settings.outbound, smtp: hide(settings.outbound.smtp) },
  };
}
