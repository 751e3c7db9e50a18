import type { CliCommand } from '../command.ts';
import { apikeyCreateCommand, apikeyListCommand, apikeyRevokeCommand } from './apikey.ts';
import { backupCommand } from './backup.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { restoreCommand } from './restore.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { userAddCommand, userDisableCommand, userResetPasswordCommand, userSetRoleCommand } from './user.ts';

/** Every `shiftdesk-server` command, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  migrateCommand,
  seedCommand,
  importCommand,
  userAddCommand,
  userDisableCommand,
  userSetRoleCommand,
  userResetPasswordCommand,
  apikeyCreateCommand,
  apikeyListCommand,
  apikeyRevokeCommand,
  backupCommand,
  restoreCommand,
];
