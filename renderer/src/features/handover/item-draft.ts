import {
  HandoverAction,
  HandoverItem,
  type HandoverItem as Item,
  type HandoverSeverity,
} from '#shared/domain/handover';
import type { FieldProblems } from '../../ui/field-problems.ts';

/** One action row as typed: the due time is the text of a datetime-local input ('' for none). */
export interface ActionDraft {
  id: string;
  text: string;
  due: string;
  /** Kept as it was: ticking done is its own change, not part of editing. */
  doneAt?: number | undefined;
}

/** The I-PASS fields as the form holds them. */
export interface ItemDraft {
  severity: HandoverSeverity;
  summary: string;
  actions: ActionDraft[];
  awareness: string;
  contingency: string;
}

/** The fields an item's form edits, ready for addHandoverItem / updateHandoverItem. */
export type ItemFields = Pick<Item, 'severity' | 'summary' | 'actions' | 'awareness' | 'contingency'>;

export type ItemField = 'summary' | 'actions' | 'awareness' | 'contingency';
/** Problems by field; an action row's problem is under `action:<id>`. */
export type ItemProblems = FieldProblems<ItemField | `action:${string}`>;

export function newActionDraft(): ActionDraft {
  return { id: crypto.randomUUID(), text: '', due: '' };
}

export function emptyItemDraft(): ItemDraft {
  return { severity: 'stable', summary: '', actions: [newActionDraft()], awareness: '', contingency: '' };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local input shows it (the device's time zone, to the minute). */
export function dueInputValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local input's text as an instant; null when it is not one. */
export function parseDueInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi).getTime();
  return Number.isNaN(at) ? null : at;
}

/** An existing item as the edit form starts from it. */
export function draftFromItem(item: ItemFields): ItemDraft {
  return {
    severity: item.severity,
    summary: item.summary,
    actions: item.actions.map((action) => ({
      id: action.id,
      text: action.text,
      due: action.dueAt === undefined ? '' : dueInputValue(action.dueAt),
      doneAt: action.doneAt,
    })),
    awareness: item.awareness,
    contingency: item.contingency,
  };
}

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message ?? 'is not valid';

/**
 * Checks the form against the item's schema, field by field, so each problem
 * is said next to its field. Blank action rows are left out (the form always
 * offers one); an action with a due time but no words is a problem.
 */
export function validateItemDraft(
  draft: ItemDraft,
): { ok: true; fields: ItemFields } | { ok: false; problems: ItemProblems } {
  const problems: ItemProblems = {};
  const summary = HandoverItem.shape.summary.safeParse(draft.summary);
  if (!summary.success) problems.summary = `The summary ${firstMessage(summary)}.`;
  const awareness = HandoverItem.shape.awareness.safeParse(draft.awareness);
  if (!awareness.success) problems.awareness = 'Situation awareness must be at most 2,000 characters.';
  const contingency = HandoverItem.shape.contingency.safeParse(draft.contingency);
  if (!contingency.success) problems.contingency = 'The contingency must be at most 1,000 characters.';

  const actions: HandoverAction[] = [];
  for (const row of draft.actions) {
    if (row.text.trim() === '' && row.due === '') continue;
    const dueAt = row.due === '' ? undefined : parseDueInput(row.due);
    if (dueAt === null) {
      problems[`action:${row.id}`] = 'The due time is not a date and time.';
      continue;
    }
    const parsed = HandoverAction.safeParse({
      id: row.id,
      text: row.text,
      ...(dueAt === undefined ? {} : { dueAt }),
      ...(row.doneAt === undefined ? {} : { doneAt: row.doneAt }),
    });
    if (parsed.success) actions.push(parsed.data);
    else problems[`action:${row.id}`] = `The action ${firstMessage(parsed)}.`;
  }
  const listed = HandoverItem.shape.actions.safeParse(actions);
  if (!listed.success) problems.actions = 'At most 20 actions.';

  if (Object.keys(problems).length > 0 || !summary.success) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      severity: draft.severity,
      summary: summary.data,
      actions,
      awareness: draft.awareness.trim(),
      contingency: draft.contingency.trim(),
    },
  };
}
