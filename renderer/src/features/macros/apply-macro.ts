import type { SessionUser } from '#shared/api/auth';
import { MacroId } from '#shared/domain/ids';
import type { Macro, MacroActions } from '#shared/domain/macro';
import type { Ticket } from '#shared/domain/ticket';
import { macroChanges } from '#shared/macros/macro-changes';
import type { macroMutators } from '#shared/sync/mutators/macro/index';
import type { MutationArgs } from '#shared/sync/mutators/registry';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { mutateBatch } from '../../sync/mutate.ts';
import { runLocalChange } from '../../sync/run-change.ts';
import { readDraft, writeDraft } from '../conversation/drafts.ts';
import { draftWithMacro } from './macro-preview.ts';

type MacroMutation = keyof typeof macroMutators;

/** A new macro's id, drawn on the device so edits queued offline can name it. */
export function newMacroId(): MacroId {
  return MacroId.parse(`mac_${crypto.randomUUID()}`);
}

/** Saves a macro change locally (it syncs in the background); the refusal to show, or null. */
export function runMacroChange<N extends MacroMutation>(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  name: N,
  args: MutationArgs<N>,
): Promise<string | null> {
  return runLocalChange(db, user, name, args, 'The macro');
}

/**
 * Puts the macro's filled-in text into the ticket's draft, replacing what was
 * there or below it; the composer then shows it, with the macro's changes as
 * chips it makes on sending. Nothing is sent here.
 */
export async function putMacroInDraft(
  db: ShiftdeskDb,
  ticketId: string,
  macro: Pick<Macro, 'id' | 'messageKind' | 'actions'>,
  text: string,
  mode: 'replace' | 'append',
): Promise<{ kind: Macro['messageKind'] }> {
  const draft = draftWithMacro(await readDraft(db, ticketId), macro, text, mode);
  await writeDraft(db, ticketId, { kind: draft.kind, body: draft.body, macroId: macro.id, actions: draft.actions });
  return { kind: draft.kind };
}

/**
 * Makes a text-less macro's changes now, each judged on its own (one may be
 * refused while the others apply). Returns what to tell the agent.
 */
export async function applyMacroChanges(
  db: ShiftdeskDb,
  user: Pick<SessionUser, 'id' | 'role'>,
  ticket: Ticket,
  macro: Pick<Macro, 'name'> & { actions: MacroActions },
): Promise<{ ok: boolean; message: string }> {
  const changes = macroChanges(ticket, macro.actions, user.id);
  if (changes.length === 0) {
    return { ok: true, message: `“${macro.name}”: the ticket already looks like this, nothing changed.` };
  }
  try {
    const outcome = await mutateBatch(db, user, changes);
    if (outcome.refused.length === 0) return { ok: true, message: `“${macro.name}” applied.` };
    const reasons = [...new Set(outcome.refused.map((refusal) => refusal.message))].join(' ');
    return {
      ok: false,
      message: `“${macro.name}”: ${outcome.applied.length} of ${changes.length} changes made. ${reasons}`,
    };
  } catch (error) {
    return {
      ok: false,
      message: `“${macro.name}” could not be saved on this device: ${error instanceof Error ? error.message : String(error)}. Try again; if it keeps failing, reload the app.`,
    };
  }
}
