import { useState } from 'react';
import type { MessageAttachment } from '#shared/domain/message';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import type { Failure } from '../../../http/failure.ts';
import { FailureNotice } from '../../../ui/FailureNotice.tsx';
import { formatBytes } from '../../../ui/format-bytes.ts';
import { Isolated } from '../content/CustomerText.tsx';
import { downloadFailure, saveAttachment } from './save-attachment.ts';

/** The files that came with a customer's email: saved on request, never shown inline. */
export function AttachmentList({ attachments }: { attachments: readonly MessageAttachment[] }) {
  const { api } = useWorkspace();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ attachment: MessageAttachment; failure: Failure } | null>(null);

  const download = async (attachment: MessageAttachment) => {
    setBusy(attachment.id);
    setFailure(null);
    try {
      await saveAttachment(api, attachment);
    } catch (error) {
      setFailure({ attachment, failure: downloadFailure(attachment.filename, error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="attachments">
      <ul className="attachments__list" aria-label="Attachments">
        {attachments.map((attachment) => (
          <li key={attachment.id} className="attachment" data-attachment-id={attachment.id}>
            {/* The name is the customer's: text in an isolate, cut with an ellipsis, whole on hover. */}
            <span className="attachment__name" title={attachment.filename}>
              <Isolated>{attachment.filename}</Isolated>
            </span>
            {attachment.stored ? (
              <>
                <span className="attachment__size">{formatBytes(attachment.size)}</span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Download ${attachment.filename}`}
                  disabled={busy === attachment.id}
                  onClick={() => void download(attachment)}
                >
                  {busy === attachment.id ? 'Downloading…' : 'Download'}
                </button>
              </>
            ) : (
              <span className="attachment__not-stored">
                Too large to keep ({formatBytes(attachment.size)}): it stays in the team mailbox
              </span>
            )}
          </li>
        ))}
      </ul>
      {failure && (
        <FailureNotice
          failure={failure.failure}
          onRetry={() => void download(failure.attachment)}
          testId="attachment-failure"
        />
      )}
    </div>
  );
}
