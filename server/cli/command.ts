import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** One `shiftdesk-server` command: its words, help text, options and what it does. */
export interface CliCommand {
  /** `['user', 'add']` for `shiftdesk-server user add`. */
  words: readonly string[];
  summary: string;
  /** Extra help lines: arguments, examples. */
  usage: readonly string[];
  options: Options;
  /** Positional arguments it takes (e.g. a file); more are an error. */
  positionals?: number;
  run: (input: CommandInput) => Promise<void>;
}

export interface CommandInput {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  env: Record<string, string | undefined>;
  /** Progress and results for people; tests capture it. */
  print: (line: string) => void;
}

/** A mistake in how the command was called: shown with the command's help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Reads a string option that must be there. */
export function required(values: CommandInput['values'], name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required.`);
  return value;
}

export function optionalString(values: CommandInput['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function defineCommand(command: CliCommand): CliCommand {
  return command;
}
