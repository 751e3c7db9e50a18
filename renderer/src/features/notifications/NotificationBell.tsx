import { useEffect, useId, useRef, useState } from 'react';
import { newestAt, unreadCount } from '#shared/escalation/notifications';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { formatSince } from '../../ui/format.ts';
import { useNow } from '../../ui/use-now.ts';
import { showPacket } from '../escalations/console/console-store.ts';
import { markSeenUpTo, useSeenUpTo } from './notification-memory.ts';
import { useEscalationNotifications } from './use-escalation-notifications.ts';
import './notifications.css';

/** How many the list shows: the newest; older ones are in each packet's log. */
const SHOWN = 50;

/**
 * The header's bell: how many escalation notifications are unread, and the
 * list in a popover. Opening it marks them read on this device; choosing one
 * opens its packet on the escalations screen.
 */
export function NotificationBell() {
  const { db } = useWorkspace();
  const notifications = useEscalationNotifications() ?? [];
  const seenUpTo = useSeenUpTo() ?? 0;
  const now = useNow();
  const [open, setOpen] = useState(false);
  // What was unread when the list opened stays marked new while it is open.
  const [seenAtOpen, setSeenAtOpen] = useState(0);
  const popoverId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const unread = unreadCount(notifications, seenUpTo);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const toggle = () => {
    if (open) return close(false);
    setSeenAtOpen(seenUpTo);
    setOpen(true);
    void markSeenUpTo(db, newestAt(notifications, seenUpTo));
  };
  // Mark what arrives while the list is open as seen too: it is on screen.
  const newest = newestAt(notifications, 0);
  useEffect(() => {
    if (open) void markSeenUpTo(db, newest);
  }, [open, newest, db]);

  useEffect(() => {
    if (!open) return;
    popover.current?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popover.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div className="notification-bell">
      <button
        ref={button}
        type="button"
        className={`button button--quiet notification-bell__button${unread > 0 ? ' notification-bell__button--unread' : ''}`}
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={toggle}
        data-testid="notification-bell"
      >
        {/* A drawn bell, not an emoji: desktops without an emoji font (Debian's, for one) show a box. */}
        <svg
          aria-hidden="true"
          focusable="false"
          width="14"
          height="14"
          viewBox="0 0 16 16"
          className="notification-bell__icon"
        >
          <path
            fill="currentColor"
            d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v2.8l1.3 1.6a.6.6 0 0 1-.5 1H2.7a.6.6 0 0 1-.5-1l1.3-1.6V7.5A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1Zm-1.7 12.4h3.4a1.7 1.7 0 0 1-3.4 0Z"
          />
        </svg>
        {unread > 0 && <span aria-hidden="true"> {unread}</span>}
        <span className="visually-hidden">Notifications ({unread} unread)</span>
      </button>
      {open && (
        <div
          ref={popover}
          id={popoverId}
          role="dialog"
          aria-label="Notifications"
          tabIndex={-1}
          className="notification-popover"
          data-testid="notification-popover"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close(true);
            }
          }}
        >
          <h2 className="notification-popover__title">Notifications</h2>
          {notifications.length === 0 ? (
            <p className="notification-popover__empty">Nothing yet: escalation news shows here.</p>
          ) : (
            <ul className="notification-popover__list">
              {notifications.slice(0, SHOWN).map((notification) => (
                <li key={notification.key}>
                  <button
                    type="button"
                    className={`notification-item${notification.at > seenAtOpen ? ' notification-item--new' : ''}`}
                    onClick={() => {
                      close(false);
                      showPacket(notification.escalationId);
                    }}
                  >
                    <span className="notification-item__text">{notification.text}</span>
                    <span className="notification-item__meta">
                      on “{notification.summary}” · {formatSince(notification.at, now)}
                      {notification.at > seenAtOpen ? ' · new' : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
