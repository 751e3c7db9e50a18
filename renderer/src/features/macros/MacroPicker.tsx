import { useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Customer } from '#shared/domain/customer';
import type { MacroId } from '#shared/domain/ids';
import type { Macro } from '#shared/domain/macro';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useComposerStore } from '../conversation/composer-store.ts';
import { readDraft } from '../conversation/drafts.ts';
import { useMembers } from '../queue/members-context.tsx';
import { applyMacroChanges, putMacroInDraft } from './apply-macro.ts';
import { DraftChoice } from './DraftChoice.tsx';
import { MacroList } from './MacroList.tsx';
import { MacroPreview } from './MacroPreview.tsx';
import { hasWords, macroContextFor, previewMacro } from './macro-preview.ts';
import { summarizeMacroActions } from './macro-summary.ts';

type Step = { kind: 'list' } | { kind: 'preview'; macroId: MacroId } | { kind: 'draft'; macroId: MacroId };

interface MacroPickerProps {
  ticket: Ticket;
  customer: Customer | undefined;
  macros: readonly Macro[];
  /** Straight to this macro's preview (chosen by name in the command palette). */
  startWith?: MacroId | undefined;
  onClose: () => void;
}

/**
 * Choose a macro for the open ticket, see what it would write and change, then
 * put it in the composer ("Use") or, for a macro without text, make its
 * changes ("Apply changes"). Nothing is sent from here.
 */
export function MacroPicker({ ticket, customer, macros, startWith, onClose }: MacroPickerProps) {
  const { db, user } = useWorkspace();
  const members = useMembers();
  const showFlash = useUiStore((s) => s.showFlash);
  const [step, setStep] = useState<Step>(() =>
    startWith ? { kind: 'preview', macroId: startWith } : { kind: 'list' },
  );
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const macro = step.kind === 'list' ? undefined : macros.find((candidate) => candidate.id === step.macroId);
  const rendered = useMemo(
    () => (macro ? previewMacro(macro, macroContextFor(ticket, customer, user.name)) : undefined),
    [macro, ticket, customer, user.name],
  );
  const nameOf = (id: string) => (id === user.id ? 'you' : (members?.get(id)?.name ?? 'a teammate'));
  const changes = macro ? summarizeMacroActions(macro.actions, nameOf) : null;
  const where = ticket.number !== undefined ? `#${ticket.number}` : 'this ticket';

  const fail = (error: unknown) => {
    setBusy(false);
    setProblem(
      `The macro could not be put in the draft on this device: ${error instanceof Error ? error.message : String(error)}. Try again; if it keeps failing, reload the app.`,
    );
  };

  const putInDraft = async (chosen: Macro, mode: 'replace' | 'append') => {
    if (!rendered) return;
    setBusy(true);
    const { kind } = await putMacroInDraft(db, ticket.id, chosen, rendered.text, mode);
    // Closed first, so the dialog hands the focus back before the composer asks for it.
    flushSync(onClose);
    useComposerStore.getState().openComposer(ticket.id, kind);
  };

  const use = async (chosen: Macro) => {
    setProblem(null);
    try {
      if (hasWords(await readDraft(db, ticket.id))) setStep({ kind: 'draft', macroId: chosen.id });
      else await putInDraft(chosen, 'replace');
    } catch (error) {
      fail(error);
    }
  };

  const apply = async (chosen: Macro) => {
    setBusy(true);
    const outcome = await applyMacroChanges(db, user, ticket, chosen);
    if (!outcome.ok) {
      setBusy(false);
      setProblem(outcome.message);
      return;
    }
    flushSync(onClose);
    showFlash(outcome.message);
  };

  const title = macro ? `Macro: ${macro.name}` : `Apply a macro to ${where}`;
  return (
    <Dialog title={title} onClose={onClose} testId="macro-picker">
      {step.kind === 'list' || !macro || !rendered ? (
        <>
          {step.kind !== 'list' && <p role="alert">That macro is gone (deleted meanwhile). Pick another.</p>}
          <MacroList
            macros={macros}
            query={query}
            onQuery={setQuery}
            onChoose={(chosen) => {
              setProblem(null);
              setStep({ kind: 'preview', macroId: chosen.id });
            }}
          />
        </>
      ) : step.kind === 'preview' ? (
        <MacroPreview
          macro={macro}
          rendered={rendered}
          changes={changes}
          busy={busy}
          onUse={() => void use(macro)}
          onApply={() => void apply(macro)}
          onBack={() => {
            setProblem(null);
            setStep({ kind: 'list' });
          }}
        />
      ) : (
        <DraftChoice
          where={where}
          busy={busy}
          onReplace={() => void putInDraft(macro, 'replace').catch(fail)}
          onAppend={() => void putInDraft(macro, 'append').catch(fail)}
          onCancel={() => setStep({ kind: 'preview', macroId: macro.id })}
        />
      )}
      {problem && (
        <p role="alert" className="field__error" data-testid="macro-picker-problem">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
