import { expect, it } from 'vitest';
import { API_ROUTES, routePath } from '#shared/api/routes';
import { Message } from '#shared/domain/message';
import { PROTOCOL_VERSION } from '#shared/sync/protocol';
import { ServerProcess } from '../../tooling/server-process.ts';
import { postIntake } from '../testing/intake-client.ts';
import { ensureMailPeer, peerAddress, peerMailEnv, readPeerInbox } from '../testing/mail-peer.ts';
import { describeWithMailPeer } from '../testing/mail-peer-suite.ts';
import { eventually } from '../testing/mail-waits.ts';
import { prepareCrashDatabase } from '../testing/crash-database.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { ourMessageId } from './message-ids.ts';

const REPLIES = 50;
const reason = await ensureMailPeer();

async function post(server: ServerProcess, token: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function deliveries(server: ServerProcess, token: string, ticketId: string): Promise<Message[]> {
  const response = await fetch(`${server.url}${routePath(API_ROUTES.ticketMessages, { id: ticketId })}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { messages: unknown[] };
  return body.messages.map((message) => Message.parse(message)).filter((message) => message.kind === 'reply');
}

describeWithMailPeer('outbound email through kill -9 of the server', reason, () => {
  describeEachDatabase('outbound email through kill -9', (kind) => {
    it(`delivers each of ${REPLIES} replies exactly once, counted in the customer's mailbox`, async () => {
      const prepared = await prepareCrashDatabase(kind, 2);
      const support = peerAddress('support', 'team.test');
      const customer = peerAddress('customer', 'crash.test');
      const server = await ServerProcess.start({
        dataDir: prepared.dataDir,
        env: { ...peerMailEnv(support), SHIFTDESK_SEED: 'none', DATABASE_URL: prepared.url ?? '' },
      });
      try {
        const intake = await postIntake(server.url, API_ROUTES.intakeTicket, prepared.secret, {
          subject: 'Fifty answers',
          body: 'Please answer a lot.',
          requester: { email: customer },
          channel: 'email',
        });
        expect(intake.status).toBe(201);
        const ticketId = String(intake.body.id);
        const { token } = await server.login('agent@demo.shiftdesk.test');
        const replyIds = Array.from({ length: REPLIES }, (_, index) => `msg_crash_${kind}_${index}`);
        const pushed = await post(server, token, API_ROUTES.push, {
          protocolVersion: PROTOCOL_VERSION,
          clientGroupId: `cg-crash-${kind}`,
          clientId: `c-crash-${kind}`,
          mutations: replyIds.map((messageId, index) => ({
            id: index + 1,
            name: 'addMessage',
            args: { messageId, ticketId, kind: 'reply', body: `Answer number ${index}.` },
            createdAt: Date.now(),
          })),
        });
        expect(pushed.status).toBe(200);

        // Killed as soon as the first replies land: the rest are queued, one may be mid-send.
        await eventually(
          async () => ((await readPeerInbox(customer)).length > 0 ? true : null),
          'the first reply',
          30_000,
        );
        await server.crash();
        const deliveredAtKill = (await readPeerInbox(customer)).length;
        console.log(`[${kind}] killed with ${deliveredAtKill} of ${REPLIES} replies delivered`);
        expect(deliveredAtKill).toBeLessThan(REPLIES);

        await server.startAgain();
        const { token: again } = await server.login('agent@demo.shiftdesk.test');
        await eventually(
          async () => {
            const replies = await deliveries(server, again, ticketId);
            return replies.length === REPLIES && replies.every((reply) => reply.delivery?.state === 'sent')
              ? true
              : null;
          },
          'every reply marked sent',
          90_000,
        );
        // Anything sent twice would have reached the relay by now; give it time to land before counting.
        await new Promise((done) => setTimeout(done, 2_000));
        const inbox = await readPeerInbox(customer);
        const counts = new Map<string, number>();
        for (const mail of inbox) {
          const id = ourMessageId(mail.messageId ?? '')?.messageId ?? `unexpected ${mail.messageId}`;
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        expect([...counts.keys()].sort()).toEqual([...replyIds].sort());
        expect([...counts.values()].every((count) => count === 1)).toBe(true);
        expect(inbox).toHaveLength(REPLIES);
      } finally {
        await server.stop();
        await prepared.cleanup();
      }
    }, 180_000);
  });
});
