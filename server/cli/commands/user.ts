import { Role } from '#shared/domain/roles';
import { createAccount } from '../../accounts/create-account.ts';
import { resetPassword } from '../../accounts/password-changes.ts';
import { disableAccount, enableAccount, setRole } from '../../accounts/update-account.ts';
import { CLI_ACTOR } from '../cli-actor.ts';
import { UsageError, defineCommand, optionalString, required } from '../command.ts';
import { accountIdByEmail } from '../find-account.ts';
import { resolveWorkspace, withDatabase } from '../open-cli-database.ts';

const WORKSPACE = { workspace: { type: 'string' } } as const;
const ROLE_LIST = Role.options.join(', ');

function parseRole(value: string): Role {
  const role = Role.safeParse(value);
  if (!role.success) throw new UsageError(`--role must be one of ${ROLE_LIST}.`);
  return role.data;
}

function showPassword(print: (line: string) => void, generated: string | null): void {
  if (generated) print(`Generated password (shown only now; pass it on securely): ${generated}`);
}

export const userAddCommand = defineCommand({
  words: ['user', 'add'],
  summary: 'Add an account; without --password one is generated and shown once.',
  usage: [
    `Roles: ${ROLE_LIST}. Passwords: 8 to 128 characters, not a common one.`,
    'Example: shiftdesk-server user add --email sam@example.com --name "Sam Rivera" --role agent',
  ],
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    ...WORKSPACE,
  },
  run: async ({ values, env, print }) => {
    const email = required(values, 'email');
    const name = required(values, 'name');
    const role = parseRole(required(values, 'role'));
    await withDatabase(env, async (db, config) => {
      const workspaceId = await resolveWorkspace(db, optionalString(values, 'workspace'));
      const { account, generatedPassword } = await createAccount(db, {
        workspaceId,
        email,
        name,
        role,
        password: optionalString(values, 'password'),
        actor: CLI_ACTOR,
        idleMs: config.sessionIdleMs,
      });
      print(`Added ${account.name} <${account.email}> as ${account.role} (${account.id}).`);
      showPassword(print, generatedPassword);
    });
  },
});

export const userDisableCommand = defineCommand({
  words: ['user', 'disable'],
  summary: 'Disable an account: it cannot sign in, and its open sessions end at once.',
  usage: [
    'Add --enable to let the account sign in again.',
    'Example: shiftdesk-server user disable --email sam@example.com',
  ],
  options: { email: { type: 'string' }, enable: { type: 'boolean' }, ...WORKSPACE },
  run: async ({ values, env, print }) => {
    await withDatabase(env, async (db, config) => {
      const workspaceId = await resolveWorkspace(db, optionalString(values, 'workspace'));
      const userId = await accountIdByEmail(db, workspaceId, required(values, 'email'));
      const target = { workspaceId, userId, actor: CLI_ACTOR, idleMs: config.sessionIdleMs };
      const account = values.enable === true ? await enableAccount(db, target) : await disableAccount(db, target);
      print(`${account.email} is ${account.disabled ? 'disabled; its sessions have ended' : 'enabled'}.`);
    });
  },
});

export const userSetRoleCommand = defineCommand({
  words: ['user', 'set-role'],
  summary: 'Change the role of an account; its sessions end so the new role applies at once.',
  usage: [`Roles: ${ROLE_LIST}.`, 'Example: shiftdesk-server user set-role --email sam@example.com --role lead'],
  options: { email: { type: 'string' }, role: { type: 'string' }, ...WORKSPACE },
  run: async ({ values, env, print }) => {
    const role = parseRole(required(values, 'role'));
    await withDatabase(env, async (db, config) => {
      const workspaceId = await resolveWorkspace(db, optionalString(values, 'workspace'));
      const userId = await accountIdByEmail(db, workspaceId, required(values, 'email'));
      const account = await setRole(db, { workspaceId, userId, actor: CLI_ACTOR, idleMs: config.sessionIdleMs }, role);
      print(`${account.email} is now ${account.role}.`);
    });
  },
});

export const userResetPasswordCommand = defineCommand({
  words: ['user', 'reset-password'],
  summary: 'Set a new password (or generate one, shown once); every session of the account ends.',
  usage: ['Example: shiftdesk-server user reset-password --email sam@example.com'],
  options: { email: { type: 'string' }, password: { type: 'string' }, ...WORKSPACE },
  run: async ({ values, env, print }) => {
    await withDatabase(env, async (db) => {
      const workspaceId = await resolveWorkspace(db, optionalString(values, 'workspace'));
      const email = required(values, 'email');
      const userId = await accountIdByEmail(db, workspaceId, email);
      const { generatedPassword } = await resetPassword(db, {
        workspaceId,
        userId,
        password: optionalString(values, 'password'),
        actor: CLI_ACTOR,
      });
      print(`The password of ${email} is reset; its sessions have ended.`);
      showPassword(print, generatedPassword);
    });
  },
});
