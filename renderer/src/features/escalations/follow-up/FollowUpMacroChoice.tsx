import { useState } from 'react';
import { renderMacro } from '#shared/macros/render-macro';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { SelectField } from '../../../ui/SelectField.tsx';
import { useMacros } from '../../macros/macro-queries.ts';

const NONE = '';

/**
 * Start the follow-up from a reply macro instead. Its variables about the
 * requester, their company and ticket stay in the text (the server fills them
 * per customer); yours are filled now. Its ticket changes are not made: the
 * follow-up sets the status itself.
 */
export function FollowUpMacroChoice({ fallback, onBody }: { fallback: string; onBody: (body: string) => void }) {
  const { user } = useWorkspace();
  const macros = useMacros()?.filter((macro) => macro.messageKind === 'reply' && macro.body.trim() !== '');
  const [chosen, setChosen] = useState(NONE);
  if (!macros || macros.length === 0) return null;
  return (
    <SelectField
      label="Start from a macro"
      value={chosen}
      options={[
        { value: NONE, label: 'No macro: the resolution note' },
        ...macros.map((m) => ({ value: m.id, label: m.name })),
      ]}
      onChange={(id) => {
        setChosen(id);
        const macro = macros.find((candidate) => candidate.id === id);
        if (!macro) {
          onBody(fallback);
          return;
        }
        const context = {
          // Every ticket variable is per recipient here, so this ticket is never read.
          ticket: { subject: '', requesterName: '', requesterEmail: '' },
          customer: undefined,
          agent: { name: user.name },
          perRecipient: true,
        };
        onBody(renderMacro(macro.body, context).text);
      }}
      hint="It replaces the reply; its ticket changes are not made."
    />
  );
}
