import { useCallback, useEffect, useRef, useState } from 'react';
import type { PacketFields } from '#shared/domain/escalation';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { runLocalChange } from '../../../sync/run-change.ts';
import { packetFieldsOf, pendingAfterSave, withEdits } from './packet-edits.ts';

/** A pause in typing this long saves; so does leaving a field, sending and closing. */
const SAVE_AFTER_MS = 800;

export interface PacketEdits {
  fields: PacketFields;
  /** Changes a field; text is saved after a pause, a list (evidence) or a choice at once. */
  set: <K extends keyof PacketFields>(key: K, value: PacketFields[K], now?: 'now') => void;
  /** Saves what is unsaved; resolves to the refusal to show, or null. */
  flush: () => Promise<string | null>;
  /** Why the last save was refused (the text stays in the fields, unsaved). */
  problem: string | null;
}

/**
 * The packet editor's fields: the stored packet with the agent's unsaved
 * edits on top, saved through updateEscalation (a local change that syncs).
 * Nothing typed is lost: a refused save keeps the edits, and unmounting saves
 * what is left.
 */
export function usePacketEdits(escalationId: string, stored: PacketFields): PacketEdits {
  const { db, user } = useWorkspace();
  const [edits, setEdits] = useState<Partial<PacketFields>>({});
  const [problem, setProblem] = useState<string | null>(null);
  // The latest edits, for the timer, the unmount save and the save's completion (set with the state).
  const latest = useRef(edits);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<string | null> | null>(null);

  const flush = useCallback(async (): Promise<string | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // One save at a time, in order: the second sends what the first did not.
    if (saving.current) await saving.current;
    const fields = latest.current;
    if (Object.keys(fields).length === 0) return null;
    const run = runLocalChange(db, user, 'updateEscalation', { escalationId, fields }, 'The packet');
    saving.current = run;
    const refusal = await run;
    saving.current = null;
    setProblem(refusal);
    if (!refusal) {
      const pending = pendingAfterSave(latest.current, fields);
      latest.current = pending;
      setEdits(pending);
    }
    return refusal;
  }, [db, user, escalationId]);

  const set = useCallback(
    <K extends keyof PacketFields>(key: K, value: PacketFields[K], when?: 'now') => {
      const next = { ...latest.current, [key]: value };
      latest.current = next;
      setEdits(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), when === 'now' ? 0 : SAVE_AFTER_MS);
    },
    [flush],
  );

  // Closing the editor (or switching packets) saves what is still unsaved.
  useEffect(() => () => void flush(), [flush]);

  return { fields: withEdits(packetFieldsOf(stored), edits), set, flush, problem };
}
