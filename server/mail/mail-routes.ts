import type { AppDeps } from '../app-deps.ts';
import type { Handlers } from '../http/handlers.ts';
import { notImplemented } from '../http/not-implemented.ts';

type MailHandlers = Pick<
  Handlers,
  'getMailSettings' | 'updateMailSettings' | 'testMailConnection' | 'mailStatus' | 'downloadAttachment'
>;

export function mailHandlers(_deps: AppDeps): MailHandlers {
  return {
    getMailSettings: notImplemented,
    updateMailSettings: notImplemented,
    testMailConnection: notImplemented,
    mailStatus: notImplemented,
    downloadAttachment: notImplemented,
  };
}
