import type { AppDeps } from '../app-deps.ts';
import { auditActor } from '../http/audit-actor.ts';
import { HttpError } from '../http/errors.ts';
import type { Handlers } from '../http/handlers.ts';
import { downloadAttachment } from './attachment-download.ts';
import { testImapConnection } from './inbound/test-imap-connection.ts';
import { activeInbound, activeOutbound } from './mail-settings.ts';
import { mailSettingsView } from './mail-settings-view.ts';
import { savedPasswordFor } from './saved-password.ts';
import { testSmtpConnection } from './outbound/test-smtp-connection.ts';

type MailHandlers = Pick<
  Handlers,
  'getMailSettings' | 'updateMailSettings' | 'testMailConnection' | 'mailStatus' | 'downloadAttachment'
>;

export function mailHandlers({ db, mail }: AppDeps): MailHandlers {
  return {
    getMailSettings: async ({ principal }) => mailSettingsView(db, mail, principal.user.workspaceId),
    updateMailSettings: async ({ principal, body, request }) => {
      const workspaceId = principal.user.workspaceId;
      await mail.store.update(db, workspaceId, body, auditActor(principal, request));
      await mail.restart(workspaceId);
      return mailSettingsView(db, mail, workspaceId);
    },
    testMailConnection: async ({ principal, body }) => {
      // No password typed: the saved one, but only for the server it was saved for.
      const { settings } = await mail.store.read(db, principal.user.workspaceId);
      if (body.kind === 'imap') {
        const saved = savedPasswordFor(body.server, settings.inbound.imap);
        return testImapConnection({ ...body.server, password: body.server.password ?? saved });
      }
      const saved = savedPasswordFor(body.server, settings.outbound.smtp);
      return testSmtpConnection({ ...body.server, password: body.server.password ?? saved });
    },
    mailStatus: async ({ principal }) => {
      const { settings } = await mail.store.read(db, principal.user.workspaceId);
      return { outbound: activeOutbound(settings) !== null, inbound: activeInbound(settings) !== null };
    },
    downloadAttachment: async ({ principal, params, reply }) => {
      const file = await downloadAttachment(db, principal.user.workspaceId, params.id);
      if (!file) throw new HttpError(404, 'not_found', 'There is no such attachment.');
      return file.send(reply);
    },
  };
}
