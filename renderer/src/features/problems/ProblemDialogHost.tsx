import { useUiStore } from '../../state/ui-store.ts';
import { ProblemDialog } from './ProblemDialog.tsx';
import { useProblemDialogStore } from './problem-dialog-store.ts';

/** Shows the problem dialog when a key, a button or the flood banner asked for it. */
export function ProblemDialogHost() {
  const request = useProblemDialogStore((s) => s.request);
  const close = useProblemDialogStore((s) => s.close);
  const showFlash = useUiStore((s) => s.showFlash);
  if (!request) return null;
  return (
    <ProblemDialog
      ticketIds={request.ticketIds}
      suggestedTitle={request.suggestedTitle}
      onClose={close}
      onLinked={(message) => {
        close();
        showFlash(message);
      }}
    />
  );
}
