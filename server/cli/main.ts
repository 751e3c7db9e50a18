import { COMMANDS } from './commands/index.ts';
import { runCli } from './run-cli.ts';

/** `shiftdesk-server <command>`: the team backend's command line. */
const code = await runCli(COMMANDS, process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
});
// `serve` keeps the process alive on its own; every other command ends here.
if (process.argv[2] !== 'serve' || code !== 0) process.exit(code);
