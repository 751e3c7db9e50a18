import { describe, expect, it } from 'vitest';
import type { Macro } from '../../../domain/macro.ts';
import type { Role } from '../../../domain/roles.ts';
import { TEAM, contextFixture, macroFixture } from '../../../testing/fixtures.ts';
import { memoryMutatorTx } from '../../../testing/memory-mutator-tx.ts';
import { runMutation } from '../../run-mutation.ts';
import { MutationRejected } from '../../rejection.ts';

const FIELDS = {
  name: 'Ask for logs',
  body: 'Hi {{requester.first_name}}, could you send the logs?',
  messageKind: 'reply',
  actions: { status: 'pending' },
};

async function run(name: string, args: object, role: Role, existing: Partial<Macro>[] = []) {
  const tx = memoryMutatorTx([
    ...TEAM.map((member) => ['member', member] as const),
    ...existing.map((macro) => ['macro', macroFixture(macro)] as const),
  ]);
  try {
    await runMutation(tx, name, args, contextFixture(role, { now: 9_000 }));
  } catch (error) {
    if (!(error instanceof MutationRejected)) throw error;
    return `${error.code}: ${error.message}`;
  }
  return tx.get('macro', (args as { macroId: string }).macroId);
}

describe('macro mutators', () => {
  it.each([
    ['an agent saves a personal macro', 'agent', 'personal', 'saved'],
    ['an agent may not add a team macro', 'agent', 'shared', 'forbidden'],
    ['a lead adds a team macro', 'lead', 'shared', 'saved'],
    ['a trainee saves nothing', 'trainee', 'personal', 'forbidden'],
  ] as const)('%s', async (_title, role, visibility, outcome) => {
    const result = await run('createMacro', { macroId: 'mac_new', ...FIELDS, visibility }, role);
    if (outcome === 'saved') expect(result).toMatchObject({ ownerId: `usr_${role}`, visibility, createdAt: 9_000 });
    else expect(result).toMatch(/^forbidden/);
  });

  it('refuses a name the agent already sees on a team macro, in another case', async () => {
    const existing = [{ id: 'mac_logs' as never, name: 'Ask for logs', visibility: 'shared' as const }];
    const result = await run(
      'createMacro',
      { macroId: 'mac_new', ...FIELDS, name: 'ASK FOR LOGS', visibility: 'personal' },
      'agent',
      existing,
    );
    expect(result).toMatch(/^conflict: There is already a team macro named “Ask for logs”/);
  });

  it('refuses to assign tickets to someone who is not on the team', async () => {
    const actions = { assignee: 'usr_gone' };
    const result = await run(
      'createMacro',
      { macroId: 'mac_new', ...FIELDS, actions, visibility: 'personal' },
      'agent',
    );
    expect(result).toMatch(/^invalid: The macro assigns/);
  });

  it.each([
    [
      'the owner edits a personal macro',
      'agent',
      { ownerId: 'usr_agent', visibility: 'personal' },
      'personal',
      'saved',
    ],
    ['a teammate cannot edit it', 'analyst', { ownerId: 'usr_agent', visibility: 'personal' }, 'personal', 'forbidden'],
    [
      'an agent cannot edit a team macro',
      'agent',
      { ownerId: 'usr_agent', visibility: 'shared' },
      'shared',
      'forbidden',
    ],
    [
      'an agent cannot share a personal one',
      'agent',
      { ownerId: 'usr_agent', visibility: 'personal' },
      'shared',
      'forbidden',
    ],
    ['a lead edits a team macro', 'lead', { ownerId: 'usr_admin', visibility: 'shared' }, 'shared', 'saved'],
  ] as const)('update: %s', async (_title, role, existing, visibility, outcome) => {
    const result = await run('updateMacro', { macroId: 'mac_apology', ...FIELDS, name: 'Renamed', visibility }, role, [
      existing as Partial<Macro>,
    ]);
    if (outcome === 'saved')
      expect(result).toMatchObject({ name: 'Renamed', updatedAt: 9_000, ownerId: existing.ownerId });
    else expect(result).toMatch(/^forbidden/);
  });

  it.each([
    ['a lead deletes a team macro', 'lead', 'shared', undefined],
    ['an agent cannot', 'agent', 'shared', /^forbidden/],
  ] as const)('delete: %s', async (_title, role, visibility, refusal) => {
    const result = await run('deleteMacro', { macroId: 'mac_apology' }, role, [{ visibility }]);
    if (refusal) expect(result).toMatch(refusal);
    else expect(result).toBeUndefined();
  });

  it('deleting a macro that is already gone is fine', async () => {
    expect(await run('deleteMacro', { macroId: 'mac_gone' }, 'agent')).toBeUndefined();
  });
});
