import { parseArgs } from 'node:util';
import { ZodError, z } from 'zod';
import { ConfigError } from '../config.ts';
import { type CliCommand, UsageError } from './command.ts';

const NAME = 'shiftdesk-server';

function optionHelp(command: CliCommand): string[] {
  return Object.entries(command.options).map(
    ([name, option]) =>
      `  --${name}${option.type === 'string' ? ' <value>' : ''}${option.multiple ? ' (repeatable)' : ''}`,
  );
}

export function commandHelp(command: CliCommand): string {
  return [
    `${NAME} ${command.words.join(' ')}: ${command.summary}`,
    ...(Object.keys(command.options).length ? ['', 'Options:', ...optionHelp(command)] : []),
    ...(command.usage.length ? ['', ...command.usage] : []),
  ].join('\n');
}

export function overallHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.words.join(' ').length));
  return [
    `Usage: ${NAME} <command> [options]   (from a checkout: npm run ${NAME} -- <command> [options])`,
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.words.join(' ').padEnd(width)}  ${command.summary}`),
    '',
    `"${NAME} <command> --help" explains a command. Environment variables (DATABASE_URL, SHIFTDESK_DATA_DIR…) are in README.md.`,
  ].join('\n');
}

/** The command whose words start `args`, longest match first (`user add` before `user`). */
function findCommand(commands: readonly CliCommand[], args: readonly string[]): CliCommand | undefined {
  return [...commands]
    .sort((a, b) => b.words.length - a.words.length)
    .find((command) => command.words.every((word, index) => args[index] === word));
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
}

/** Runs one command line; resolves to the exit code (0 done, 1 failed, 2 called wrongly). */
export async function runCli(commands: readonly CliCommand[], argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(overallHelp(commands));
    return argv.length === 0 ? 2 : 0;
  }
  const command = findCommand(commands, argv);
  if (!command) {
    io.err(`Unknown command "${argv.slice(0, 2).join(' ')}".\n\n${overallHelp(commands)}`);
    return 2;
  }
  const rest = argv.slice(command.words.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: (command.positionals ?? 0) > 0,
      strict: true,
    });
    if (positionals.length > (command.positionals ?? 0))
      throw new UsageError(`Too many arguments: ${positionals.join(' ')}`);
    await command.run({ values, positionals, env: io.env, print: io.out });
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n\n${commandHelp(command)}`);
      return 2;
    }
    if (error instanceof ZodError) io.err(`Invalid input: ${z.prettifyError(error)}`);
    else if (error instanceof ConfigError || error instanceof Error) io.err(error.message);
    else io.err(String(error));
    return 1;
  }
}
