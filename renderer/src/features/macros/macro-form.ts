import type { z } from 'zod';
import type { Macro, MacroActions, MacroVisibility } from '#shared/domain/macro';
import type { AgentMessageKind } from '#shared/domain/message';
import { TicketTag, normalizeTag, type TicketPriority, type TicketStatus } from '#shared/domain/ticket';
import { MacroFields } from '#shared/sync/mutators/macro/create-macro';
import type { FieldProblems } from '../../ui/field-problems.ts';

export type MacroFieldValues = z.infer<typeof MacroFields>;

/** The editor's fields as typed: selects hold '' for "leave as it is", tags are comma-separated text. */
export interface MacroForm {
  name: string;
  messageKind: AgentMessageKind;
  body: string;
  status: TicketStatus | '';
  priority: TicketPriority | '';
  addTags: string;
  removeTags: string;
  /** '' leaves the assignee alone; 'me' is whoever applies the macro. */
  assignee: string;
  visibility: MacroVisibility;
}

export type MacroFormField = 'name' | 'body' | 'addTags' | 'removeTags' | 'assignee';

export const EMPTY_MACRO_FORM: MacroForm = {
  name: '',
  messageKind: 'reply',
  body: '',
  status: '',
  priority: '',
  addTags: '',
  removeTags: '',
  assignee: '',
  visibility: 'personal',
};

/** The editor's starting values: a macro's, or a new personal reply. */
export function formFor(macro?: Pick<Macro, 'name' | 'messageKind' | 'body' | 'actions' | 'visibility'>): MacroForm {
  if (!macro) return EMPTY_MACRO_FORM;
  const { actions } = macro;
  return {
    name: macro.name,
    messageKind: macro.messageKind,
    body: macro.body,
    status: actions.status ?? '',
    priority: actions.priority ?? '',
    addTags: (actions.addTags ?? []).join(', '),
    removeTags: (actions.removeTags ?? []).join(', '),
    assignee: actions.assignee ?? '',
    visibility: macro.visibility,
  };
}

/** "Outage, Release 4.12 ,," → ['outage', 'release-4.12']: commas separate tags, as the tag field types them. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map(normalizeTag)
        .filter((tag) => tag !== ''),
    ),
  ];
}

function tagsProblem(tags: readonly string[]): string | null {
  const bad = tags.find((tag) => !TicketTag.safeParse(tag).success);
  return bad === undefined
    ? null
    : `“${bad}” is not a tag: use letters, digits, dots, dashes and underscores, separated by commas.`;
}

function actionsOf(form: MacroForm, addTags: string[], removeTags: string[]): MacroActions {
  return {
    ...(form.status ? { status: form.status } : {}),
    ...(form.priority ? { priority: form.priority } : {}),
    ...(addTags.length > 0 ? { addTags } : {}),
    ...(removeTags.length > 0 ? { removeTags } : {}),
    ...(form.assignee ? { assignee: form.assignee as MacroActions['assignee'] & string } : {}),
  };
}

const FIELD_NAMES: Readonly<Record<string, MacroFormField>> = {
  name: 'name',
  body: 'body',
  actions: 'assignee',
};

/**
 * Checks the form with the same schema the mutators use, and says what is
 * wrong beside each field; or gives the macro's fields, ready to save.
 */
export function macroFromForm(
  form: MacroForm,
): { ok: true; fields: MacroFieldValues } | { ok: false; problems: FieldProblems<MacroFormField> } {
  const addTags = parseTags(form.addTags);
  const removeTags = parseTags(form.removeTags);
  const problems: FieldProblems<MacroFormField> = {};
  const addProblem = tagsProblem(addTags);
  if (addProblem) problems.addTags = addProblem;
  const removeProblem = tagsProblem(removeTags);
  if (removeProblem) problems.removeTags = removeProblem;
  const both = addTags.find((tag) => removeTags.includes(tag));
  if (both && !removeProblem) problems.removeTags = `“${both}” is both added and removed: keep it in one list.`;

  const actions = actionsOf(form, addTags, removeTags);
  const parsed = MacroFields.safeParse({
    name: form.name,
    body: form.body,
    messageKind: form.messageKind,
    actions,
    visibility: form.visibility,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = key === 'actions' ? actionField(issue.path[1]) : FIELD_NAMES[key];
      if (field && !problems[field]) problems[field] = describeIssue(field, issue.message);
    }
  }
  if (!problems.body && form.body.trim() === '' && Object.keys(actions).length === 0) {
    problems.body = 'Write the text, or choose at least one change to the ticket: this macro would do nothing.';
  }
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, fields: parsed.data };
}

function actionField(key: PropertyKey | undefined): MacroFormField {
  return key === 'addTags' ? 'addTags' : key === 'removeTags' ? 'removeTags' : 'assignee';
}

function describeIssue(field: MacroFormField, message: string): string {
  switch (field) {
    case 'name':
      return `The name ${message}.`;
    case 'body':
      return `The text ${message.replace(/^String /, '')}.`;
    case 'addTags':
    case 'removeTags':
      return `Too many tags (${message}).`;
    case 'assignee':
      return 'Choose who gets the ticket from the list.';
  }
}
