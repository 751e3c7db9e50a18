import { TICKET_PRIORITIES, type TicketPriority } from '#shared/domain/ticket';

export type QueueKeyAction = { kind: 'move'; by: number } | { kind: 'priority'; priority: TicketPriority } | null;

/**
 * The queue's keyboard map, one place for every shortcut: j/k and arrows move,
 * 1–4 set priority (the numbers shown on the priority buttons).
 */
export function queueKeyAction(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): QueueKeyAction {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'ArrowDown':
    case 'j':
      return { kind: 'move', by: 1 };
    case 'ArrowUp':
    case 'k':
      return { kind: 'move', by: -1 };
    case 'PageDown':
      return { kind: 'move', by: 10 };
    case 'PageUp':
      return { kind: 'move', by: -10 };
  }
  const digit = Number(event.key);
  const priority = Number.isInteger(digit) ? TICKET_PRIORITIES[digit - 1] : undefined;
  return priority ? { kind: 'priority', priority } : null;
}

/** Shortcuts must not fire while the agent types into a field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
