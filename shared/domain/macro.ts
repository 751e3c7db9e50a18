import { z } from 'zod';
import { EpochMs, MacroId, UserId } from './ids.ts';
import { AgentMessageKind } from './message.ts';
import { MAX_TAGS, TicketPriority, TicketStatus, TicketTag } from './ticket.ts';

export const MACRO_NAME_MAX = 80;
export const MACRO_BODY_MAX = 20_000;
/** Most macros one person keeps, and most a team shares: plenty for real use, small for every device. */
export const MAX_PERSONAL_MACROS = 100;
export const MAX_SHARED_MACROS = 300;

export const MacroName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MACRO_NAME_MAX, `must be at most ${MACRO_NAME_MAX} characters`)
  .regex(/^[^\p{Cc}]*$/u, 'must be one line without control characters');

/** Who gets the ticket when the macro runs: whoever applies it, nobody, or a named teammate. */
export const MacroAssignee = z.union([z.literal('me'), z.literal('nobody'), UserId]);
export type MacroAssignee = z.infer<typeof MacroAssignee>;

/** What a macro changes on the ticket besides writing the message. */
export const MacroActions = z.object({
  status: TicketStatus.optional(),
  priority: TicketPriority.optional(),
  addTags: z.array(TicketTag).max(MAX_TAGS).optional(),
  removeTags: z.array(TicketTag).max(MAX_TAGS).optional(),
  assignee: MacroAssignee.optional(),
});
export type MacroActions = z.infer<typeof MacroActions>;

export const MACRO_VISIBILITIES = ['personal', 'shared'] as const;
export const MacroVisibility = z.enum(MACRO_VISIBILITIES);
export type MacroVisibility = z.infer<typeof MacroVisibility>;

/**
 * A canned reply or note with `{{variables}}` (see shared/macros/) and the
 * changes it makes. Team macros are shared; personal ones only their owner sees.
 */
export const Macro = z.object({
  id: MacroId,
  name: MacroName,
  /** Markdown with variables; may be empty for a macro that only changes fields. */
  body: z.string().max(MACRO_BODY_MAX),
  messageKind: AgentMessageKind,
  actions: MacroActions,
  visibility: MacroVisibility,
  ownerId: UserId,
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Macro = z.infer<typeof Macro>;

export function isMacroVisibleTo(macro: { ownerId: string; visibility: MacroVisibility }, userId: string): boolean {
  return macro.visibility === 'shared' || macro.ownerId === userId;
}
