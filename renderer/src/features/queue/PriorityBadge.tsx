import type { TicketPriority } from '#shared/domain/ticket';
import { PRIORITY_LABELS } from '../../ui/format.ts';

export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  return <span className={`priority-badge priority-badge--${priority}`}>{PRIORITY_LABELS[priority]}</span>;
}
