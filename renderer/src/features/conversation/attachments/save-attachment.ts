import { type Failure, describeFailure } from '../../../http/failure.ts';
import { type ApiClient, NetworkError } from '../../../sync/api-client.ts';

/** Long enough for the browser (or Electron) to start reading the file before its URL goes away. */
const REVOKE_AFTER_MS = 10_000;

/**
 * Saves a customer's file to disk. The bytes come through the API client
 * (they need the session's bearer token) and leave through a temporary
 * `<a download>`: always a download, never opened inline or navigated to,
 * whatever the file claims to be.
 */
export async function saveAttachment(api: ApiClient, attachment: { id: string; filename: string }): Promise<void> {
  const blob = await api.downloadAttachment(attachment.id);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.filename;
    link.rel = 'noopener';
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** Why a file was not saved, said for the agent; a file is only fetched on request, so offline is no surprise. */
export function downloadFailure(filename: string, error: unknown): Failure {
  if (error instanceof NetworkError) {
    return {
      message: `${filename} was not downloaded: ${error.message} Files are fetched from the server when you download them; try again once you are online.`,
      retry: true,
      offline: true,
      code: null,
      status: null,
    };
  }
  const failure = describeFailure(error);
  return { ...failure, message: `${filename} was not downloaded. ${failure.message}` };
}
