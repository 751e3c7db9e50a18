import type { Handover } from '#shared/domain/handover';
import { handoverMarkdown } from '#shared/handover/markdown';
import { downloadText, handoverFileName } from './download-text.ts';

/** "Export Markdown" (a .md download) and "Print" (the print stylesheet shows only the handover). */
export function ExportButtons({ handover, nameOf }: { handover: Handover; nameOf: (userId: string) => string }) {
  return (
    <div className="button-row no-print" role="group" aria-label="Export">
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          downloadText(
            handoverFileName(nameOf(handover.fromUserId), handover.submittedAt ?? handover.createdAt),
            handoverMarkdown(handover, nameOf),
          )
        }
      >
        Export Markdown
      </button>
      <button type="button" className="button button--small" onClick={() => window.print()}>
        Print
      </button>
    </div>
  );
}
