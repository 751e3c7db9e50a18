import { useCallback, useEffect, useRef, useState } from 'react';
import type { PacketFields } from '#shared/domain/escalation';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { runLocalChange } from '../../../sync/run-change.ts';
import { packetFieldsOf, settledEdits, withEdits } from './packet-edits.ts';

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
 * The packet editor's fields: the stored packet with the agent's edits on
 * top, saved through updateEscalation (a local change that syncs). Nothing
 * typed is lost: a refused save keeps the edits unsaved, unmounting saves what
 * is left, and a saved edit stays shown until the stored packet has it.
 */
export function usePacketEdits(escalationId: string, stored: PacketFields): PacketEdits {
  const { db, user } = useWorkspace();
  const [edits, setEdits] = useState<Partial<PacketFields>>({});
  const [problem, setProblem] = useState<string | null>(null);
  // The latest edits and which of them are unsaved, for the timer and the saves (set with the state).
  const latest = useRef<Partial<PacketFields>>({});
  const unsaved = useRef(new Set<keyof PacketFields>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<unknown> | null>(null);
  const storedFields = packetFieldsOf(stored);
  const storedKey = JSON.stringify(storedFields);

  const drop = useCallback((current: PacketFields) => {
    const kept = settledEdits(latest.current, unsaved.current, current);
    if (Object.keys(kept).length !== Object.keys(latest.current).length) {
      latest.current = kept;
      setEdits(kept);
    }
  }, []);

  // The stored packet moved (our save read back, or a teammate's edit): saved edits it now shows are dropped.
  const storedRef = useRef(storedFields);
  useEffect(() => {
    storedRef.current = JSON.parse(storedKey) as PacketFields;
    drop(storedRef.current);
  }, [storedKey, drop]);

  const flush = useCallback(async (): Promise<string | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // One save at a time, in order: the second sends what the first did not.
    while (saving.current) await saving.current;
    if (unsaved.current.size === 0) return null;
    const keys = [...unsaved.current];
    const fields = Object.fromEntries(keys.map((key) => [key, latest.current[key]])) as Partial<PacketFields>;
    unsaved.current.clear();
    const run = runLocalChange(db, user, 'updateEscalation', { escalationId, fields }, 'The packet');
    saving.current = run;
    const refusal = await run;
    saving.current = null;
    setProblem(refusal);
    if (refusal) for (const key of keys) unsaved.current.add(key);
    else drop(storedRef.current);
    return refusal;
  }, [db, user, escalationId, drop]);

  const set = useCallback(
    <K extends keyof PacketFields>(key: K, value: PacketFields[K], when?: 'now') => {
      const next = { ...latest.current, [key]: value };
      latest.current = next;
      unsaved.current.add(key);
      setEdits(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), when === 'now' ? 0 : SAVE_AFTER_MS);
    },
    [flush],
  );

  // Closing the editor (or switching packets) saves what is still unsaved.
  useEffect(() => () => void flush(), [flush]);

  return { fields: withEdits(storedFields, edits), set, flush, problem };
}
