import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AgentMessageKind } from '#shared/domain/message';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import type { Draft } from '../../db/local-tables.ts';
import { discardDraft, useDraft, writeDraft } from './drafts.ts';

/** How long typing may pause before the draft is written (and every blur, close or unload writes at once). */
export const DRAFT_WRITE_DELAY_MS = 250;

export interface ComposerDraft {
  /** The text in the composer; null while the saved draft is read. */
  body: string | null;
  draft: Draft | null | undefined;
  setBody: (body: string) => void;
  /** Writes what is typed now (blur, close, send, page hide); resolves when it, and any write before it, is in IndexedDB. */
  flush: () => Promise<void>;
  /** The message went out and its draft is gone: nothing typed so far may write it back. */
  markSent: () => void;
}

/**
 * The composer's text, kept in IndexedDB as the agent types. The text lives
 * in React state for typing speed and is written after a short pause; a draft
 * written by someone else on this device (a macro applied from the palette)
 * replaces it when it is newer than this composer's own last write.
 */
export function useComposerDraft(
  db: ShiftdeskDb,
  ticketId: string,
  kind: AgentMessageKind,
  seenUpTo: number | undefined,
): ComposerDraft {
  const draft = useDraft(db, ticketId);
  const [body, setBodyState] = useState<string | null>(null);
  const latest = useRef<{ body: string | null; kind: AgentMessageKind; seenUpTo: number | undefined }>({
    body: null,
    kind,
    seenUpTo,
  });
  const dirty = useRef(false);
  const lastOwnWrite = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLayoutEffect(() => {
    latest.current.kind = kind;
    latest.current.seenUpTo = seenUpTo;
  });

  useEffect(() => {
    if (draft === undefined) return;
    const adopted = draft?.body ?? '';
    if (draft && draft.updatedAt <= lastOwnWrite.current) return;
    if (dirty.current && draft === null) return;
    latest.current.body = adopted;
    dirty.current = false;
    setBodyState(adopted);
  }, [draft]);

  const writeNow = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (!dirty.current) return;
    const { body: text, kind: currentKind, seenUpTo: seen } = latest.current;
    if (text === null) return;
    dirty.current = false;
    // Strictly increasing, so a write in the same millisecond as the last one still counts as ours.
    const now = Math.max(Date.now(), lastOwnWrite.current + 1);
    lastOwnWrite.current = now;
    const existing = await db.local.drafts.get(ticketId);
    if (text.trim() === '' && !existing?.actions) {
      // An emptied composer is no draft: nothing to mark on the ticket, nothing to restore.
      if (existing) await discardDraft(db, ticketId);
      return;
    }
    await writeDraft(
      db,
      ticketId,
      { kind: currentKind, body: text, ...(seen !== undefined ? { seenUpTo: seen } : {}) },
      now,
    );
  }, [db, ticketId]);

  // Writes run one after another, so a flush (before a send) waits for a debounced write already under
  // way instead of returning while it is still in flight, and no write lands after a later one.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const write = useCallback((): Promise<void> => {
    const next = queue.current.then(writeNow);
    queue.current = next.catch(() => undefined);
    return next;
  }, [writeNow]);

  const markSent = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    dirty.current = false;
  }, []);

  const setBody = useCallback(
    (next: string) => {
      latest.current.body = next;
      dirty.current = true;
      setBodyState(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void write(), DRAFT_WRITE_DELAY_MS);
    },
    [write],
  );

  // Switching between reply and note keeps the text, and the draft says which it is now.
  useEffect(() => {
    if (draft && draft.kind !== kind) {
      dirty.current = true;
      void write();
    }
  }, [draft, kind, write]);

  // Leaving the page (reload, closing the window) or the composer writes what is pending.
  useEffect(() => {
    const onHide = () => void write();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void write();
    };
  }, [write]);

  return { body, draft, setBody, flush: write, markSent };
}
