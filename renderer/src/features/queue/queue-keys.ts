import { TICKET_PRIORITIES, type TicketPriority, type TicketStatus } from '#shared/domain/ticket';

export type QueueKeyAction =
  | { kind: 'move'; by: number }
  | { kind: 'priority'; priority: TicketPriority }
  | { kind: 'status'; status: TicketStatus }
  | { kind: 'claim' }
  | { kind: 'release' }
  | { kind: 'tag' }
  | null;

/** Status keys: o open, p waiting on customer (pending), h on hold, e done (solved), as in Superhuman. */
const STATUS_KEYS: Readonly<Record<string, TicketStatus>> = { o: 'open', p: 'pending', h: 'on_hold', e: 'solved' };

/**
 * The queue's keyboard map, one place for every shortcut: j/k and arrows move,
 * 1–4 set priority (the numbers shown on the priority buttons), c claims,
 * u releases, t adds a tag, and o/p/h/e set the status.
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
    case 'c':
      return { kind: 'claim' };
    case 'u':
      return { kind: 'release' };
    case 't':
      return { kind: 'tag' };
  }
  const status = STATUS_KEYS[event.key];
  if (status) return { kind: 'status', status };
  const digit = Number(event.key);
  const priority = Number.isInteger(digit) ? TICKET_PRIORITIES[digit - 1] : undefined;
  return priority ? { kind: 'priority', priority } : null;
}

/** Shortcuts must not fire while the agent types into a field or a dialog is open. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return true;
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
