import { TICKET_PRIORITIES, type TicketPriority } from '#shared/domain/ticket';
import { PRIORITY_LABELS } from '../../ui/format.ts';

interface PriorityPickerProps {
  value: TicketPriority;
  disabled: boolean;
  onChange: (priority: TicketPriority) => void;
}

/** Buttons with their keyboard shortcut (1–4), the same keys the queue listens to. */
export function PriorityPicker({ value, disabled, onChange }: PriorityPickerProps) {
  return (
    <div className="priority-picker" role="group" aria-label="Priority">
      {TICKET_PRIORITIES.map((priority, index) => (
        <button
          key={priority}
          type="button"
          className={`priority-picker__option priority-picker__option--${priority}`}
          aria-pressed={priority === value}
          aria-keyshortcuts={String(index + 1)}
          disabled={disabled}
          onClick={() => onChange(priority)}
        >
          <kbd>{index + 1}</kbd> {PRIORITY_LABELS[priority]}
        </button>
      ))}
    </div>
  );
}
