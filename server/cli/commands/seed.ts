import { UsageError, defineCommand } from '../command.ts';
import { withDatabase } from '../open-cli-database.ts';
import { seedDemoTeam } from '../../seed/demo-seed.ts';

export const seedCommand = defineCommand({
  words: ['seed'],
  summary: 'Create the demo team (five sign-ins, customers and tickets) if it does not exist.',
  usage: ['--demo is required: it is the only seed there is, and saying it avoids surprises.'],
  options: {
    demo: { type: 'boolean' },
    tickets: { type: 'string', default: '200' },
  },
  run: async ({ values, env, print }) => {
    if (values.demo !== true) throw new UsageError('Say --demo to create the demo team.');
    const tickets = Number(values.tickets);
    if (!Number.isInteger(tickets) || tickets < 0 || tickets > 1_000_000) {
      throw new UsageError('--tickets must be a whole number from 0 to 1,000,000.');
    }
    await withDatabase(env, async (db) => {
      let shown = 0;
      const result = await seedDemoTeam(db, {
        tickets,
        onProgress: (done, total) => {
          if (done - shown >= 5_000 || done === total) {
            shown = done;
            print(`Seeding: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} tickets`);
          }
        },
      });
      print(
        result.seeded
          ? `Created the demo team with ${result.tickets.toLocaleString('en')} tickets.`
          : 'The demo team already exists; nothing changed.',
      );
    });
  },
});
