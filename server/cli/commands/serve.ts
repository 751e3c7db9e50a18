import { defineCommand } from '../command.ts';

export const serveCommand = defineCommand({
  words: ['serve'],
  summary: 'Run the team backend: the API, the live channel and the web app (what `npm run server` does).',
  usage: ['Configuration comes from environment variables; README.md lists every one.'],
  options: {},
  run: async () => {
    // The server module starts on import and owns the process from then on (signals, exit codes).
    await import('../../main.ts');
  },
});
