import { defineCommand } from '../command.ts';
import { withDatabase } from '../open-cli-database.ts';

export const migrateCommand = defineCommand({
  words: ['migrate'],
  summary: 'Bring the database schema up to date (the server also does this at start).',
  usage: ['Safe to run while other instances run against the same Postgres: migrations take turns on a lock.'],
  options: {},
  run: async ({ env, print }) => {
    await withDatabase(env, async (db) => {
      const applied = await db.query<{ id: number; name: string }>(
        'select id, name from schema_migrations order by id',
      );
      print(`The database is up to date: ${applied.map((row) => `${row.id} ${row.name}`).join(', ')}.`);
    });
  },
});
