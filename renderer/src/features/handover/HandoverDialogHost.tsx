import { useUiStore } from '../../state/ui-store.ts';
import { AddToHandoverDialog } from './AddToHandoverDialog.tsx';
import { EditItemDialog } from './EditItemDialog.tsx';
import { useHandoverDialogs } from './handover-dialogs-store.ts';
import { useHandover } from './use-handovers.ts';

/** Shows "Add to handover" or an item's editor when a key or a button asked for one. Mount once per console. */
export function HandoverDialogHost() {
  const adding = useHandoverDialogs((s) => s.adding);
  const editing = useHandoverDialogs((s) => s.editing);
  const { close, openEdit } = useHandoverDialogs.getState();
  const showFlash = useUiStore((s) => s.showFlash);
  const handover = useHandover(editing?.handoverId ?? null);
  if (adding) {
    return (
      <AddToHandoverDialog
        key={`${adding.kind}:${adding.id}`}
        subject={adding}
        onClose={close}
        onAdded={(message) => {
          close();
          showFlash(message);
        }}
        onEditExisting={openEdit}
      />
    );
  }
  const item =
    editing && handover?.id === editing.handoverId ? handover.items.find((i) => i.id === editing.itemId) : undefined;
  if (!editing || !handover || !item) return null;
  return (
    <EditItemDialog
      key={item.id}
      handoverId={handover.id}
      item={item}
      onClose={close}
      onSaved={() => {
        close();
        showFlash('Saved.');
      }}
    />
  );
}
