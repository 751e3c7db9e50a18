import { acknowledgeHandoverItem } from './acknowledge-handover-item.ts';
import { addHandoverItem } from './add-handover-item.ts';
import { closeHandoverItem } from './close-handover-item.ts';
import { removeHandoverItem } from './remove-handover-item.ts';
import { setHandoverActionDone } from './set-handover-action-done.ts';
import { submitHandover } from './submit-handover.ts';
import { updateHandoverItem } from './update-handover-item.ts';

/** Handovers: built item by item during the shift, submitted, and acknowledged item by item by the receiver. */
export const handoverMutators = {
  addHandoverItem,
  updateHandoverItem,
  removeHandoverItem,
  setHandoverActionDone,
  closeHandoverItem,
  submitHandover,
  acknowledgeHandoverItem,
};
