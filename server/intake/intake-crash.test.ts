import { expect, it } from 'vitest';
import { API_ROUTES } from '#shared/api/routes';
import { ServerProcess } from '../../tooling/server-process.ts';
import { type IntakeAnswer, postIntake } from '../testing/intake-client.ts';
import { prepareCrashDatabase } from '../testing/crash-database.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';

const REQUESTS = 200;
const CONCURRENCY = 8;
/** Answers received before the kill: a good way into the burst, with requests still in flight. */
const KILL_AFTER = 60;

type Outcome = { kind: 'answered'; answer: IntakeAnswer } | { kind: 'lost' } | { kind: 'unsent' };

/** Runs `send(i)` for every index with a few requests in flight at once, until `stop()` says so. */
async function burst(count: number, send: (index: number) => Promise<void>, stop: () => boolean): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count && !stop()) await send(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

describeEachDatabase('intake through kill -9 of the server', (kind) => {
  it(`keeps every acknowledged ticket exactly once, and retried keys find their ticket (${REQUESTS} requests)`, async () => {
    const prepared = await prepareCrashDatabase(kind, 5);
    const server = await ServerProcess.start({
      dataDir: prepared.dataDir,
      env: {
        SHIFTDESK_SEED: 'none',
        DATABASE_URL: prepared.url ?? '',
        // Rate limits are not under test here: 400 requests in a few seconds from one key.
        SHIFTDESK_INTAKE_RATE_PER_MINUTE: '100000',
      },
    });
    try {
      const keyOf = (index: number) => `crash-${kind}-${String(index).padStart(4, '0')}`;
      const requestOf = (index: number) => ({
        subject: `crash-marker ${index}`,
        body: 'Sent during a burst that ends in kill -9.',
        requester: { email: `user${index % 17}@burst.example` },
      });
      const post = (index: number) =>
        postIntake(server.url, API_ROUTES.intakeTicket, prepared.secret, requestOf(index), keyOf(index));

      // 1. The burst; the server is killed from inside it, with requests in flight.
      const outcomes: Outcome[] = Array.from({ length: REQUESTS }, () => ({ kind: 'unsent' }));
      let answered = 0;
      const kill = { done: null as Promise<void> | null };
      await burst(
        REQUESTS,
        async (index) => {
          outcomes[index] = await post(index).then(
            (answer): Outcome => ({ kind: 'answered', answer }),
            (): Outcome => ({ kind: 'lost' }),
          );
          if (outcomes[index]?.kind === 'answered' && ++answered === KILL_AFTER) kill.done = server.crash();
        },
        () => kill.done !== null,
      );
      await kill.done;
      const acked = outcomes.flatMap((o, index) =>
        o.kind === 'answered' && o.answer.status === 201 ? [{ index, id: String(o.answer.body.id) }] : [],
      );
      const lost = outcomes.flatMap((o, index) => (o.kind === 'lost' ? [index] : []));
      expect(outcomes.filter((o) => o.kind === 'answered' && o.answer.status !== 201)).toEqual([]);
      // Answers already on their way when the signal lands still arrive: those count as acknowledged too.
      expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(outcomes.filter((o) => o.kind === 'unsent').length).toBeGreaterThan(0); // the burst was cut short

      // 2. Restart on the same data: every acknowledged ticket is there.
      await server.startAgain();
      const { token } = await server.login('agent@demo.shiftdesk.test');
      for (const { index, id } of acked) {
        expect((await server.fetchTicket(token, id)).subject).toBe(`crash-marker ${index}`);
      }

      // 3. Every key sent again: acknowledged ones replay their ticket; the others make exactly one.
      const resent: IntakeAnswer[] = [];
      await burst(
        REQUESTS,
        async (index) => {
          resent[index] = await post(index);
        },
        () => false,
      );
      for (const { index, id } of acked) {
        expect(resent[index]).toMatchObject({ status: 200, body: { id, created: false } });
      }
      for (let index = 0; index < REQUESTS; index++) expect([200, 201]).toContain(resent[index]?.status);
      const committedBeforeKill = lost.filter((index) => resent[index]?.status === 200).length;
      console.log(
        `[${kind}] killed after ${acked.length} acknowledged; ${lost.length} answers lost in the kill ` +
          `(${committedBeforeKill} had committed); ${outcomes.filter((o) => o.kind === 'unsent').length} unsent`,
      );

      // 4. In the database: one ticket per key, the one every answer named, with distinct numbers.
      await server.stop();
      const db = await prepared.reopen();
      try {
        const rows = await db.query<{ subject: string; id: string; number: number }>(
          `select data->>'subject' as subject, id, (data->>'number')::int as number
               from sync_rows where entity = 'ticket' and data->>'subject' like 'crash-marker %'`,
        );
        expect(rows).toHaveLength(REQUESTS);
        const bySubject = new Map(rows.map((row) => [row.subject, row]));
        expect(bySubject.size).toBe(REQUESTS);
        for (let index = 0; index < REQUESTS; index++) {
          expect(bySubject.get(`crash-marker ${index}`)?.id).toBe(resent[index]?.body.id);
        }
        expect(new Set(rows.map((row) => row.number)).size).toBe(REQUESTS);
        const [keys] = await db.query<{ n: number }>('select count(*)::int as n from idempotency_keys');
        expect(keys?.n).toBe(REQUESTS);
      } finally {
        if (kind === 'pglite') await db.close();
      }
    } finally {
      await server.crash();
      await prepared.cleanup();
    }
  }, 180_000);
});
