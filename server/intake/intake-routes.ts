import type { FastifyBaseLogger } from 'fastify';
import { IntakeMessageResponse, IntakeTicketResponse } from '#shared/api/intake';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { auditActor } from '../http/audit-actor.ts';
import type { Handlers } from '../http/handlers.ts';
import type { ApiKeyPrincipal } from '../http/principal.ts';
import { addCustomerMessage } from './add-customer-message.ts';
import { createIntakeTicket } from './create-intake-ticket.ts';
import { CommitBatcher } from './commit-batcher.ts';
import {
  type IdempotencyScope,
  requestHash,
  runIdempotent,
  runIdempotentBatched,
  sweepIdempotencyKeys,
} from './idempotency.ts';

const SWEEP_EVERY_MS = 3_600_000;

function scopeOf(
  principal: ApiKeyPrincipal,
  route: string,
  key: string | undefined,
  request: unknown,
): IdempotencyScope | null {
  return key ? { apiKeyId: principal.id, route, key, requestHash: requestHash(request) } : null;
}

/**
 * The intake API: other systems (web forms, monitoring, the email gateway)
 * create tickets and add customer follow-ups with an API key. Both routes are
 * idempotent per Idempotency-Key: a retry is answered 200 with `created: false`
 * and the first answer's ids, never a second ticket or message.
 */
export function intakeHandlers({ db }: AppDeps): Pick<Handlers, 'intakeTicket' | 'intakeMessage'> {
  let nextSweep = 0;
  /** New tickets arriving together share one transaction (and one COMMIT) per workspace. */
  const batcher = new CommitBatcher(db);
  /** Old keys go on the first request after start and then hourly: no timer to stop, nothing when idle. */
  const sweepNowAndThen = async (log: FastifyBaseLogger) => {
    if (Date.now() < nextSweep) return;
    nextSweep = Date.now() + SWEEP_EVERY_MS;
    await sweepIdempotencyKeys(db).catch((error: unknown) => log.warn({ err: error }, 'idempotency sweep failed'));
  };

  return {
    intakeTicket: async ({ body, headers, principal, request, reply, answerWith }) => {
      await sweepNowAndThen(request.log);
      const workspaceId = principal.workspaceId;
      const scope = scopeOf(principal, 'intakeTicket', headers?.['idempotency-key'], body);
      const result = await runIdempotentBatched(db, batcher, workspaceId, scope, async (tx, version) => {
        const { ticket, customerCreated } = await createIntakeTicket(tx, workspaceId, body, Date.now(), version);
        await recordAudit(tx, {
          ...auditActor(principal, request),
          workspaceId,
          action: 'intake.ticket_created',
          detail: { ticketId: ticket.id, number: ticket.number, customerId: ticket.customerId, customerCreated },
        });
        const answer: IntakeTicketResponse = {
          id: ticket.id,
          number: ticket.number,
          customerId: ticket.customerId,
          created: true,
        };
        return { status: 201, body: answer };
      });
      if (!result.replayed) return result.body;
      answerWith(200);
      reply.header('idempotent-replayed', 'true');
      return { ...IntakeTicketResponse.parse(result.answer.body), created: false };
    },

    intakeMessage: async ({ params, body, headers, principal, request, reply, answerWith }) => {
      await sweepNowAndThen(request.log);
      const workspaceId = principal.workspaceId;
      const scope = scopeOf(principal, 'intakeMessage', headers?.['idempotency-key'], { number: params.number, body });
      const result = await runIdempotent(db, workspaceId, scope, async (tx) => {
        const added = await addCustomerMessage(tx, workspaceId, params.number, body, Date.now());
        await recordAudit(tx, {
          ...auditActor(principal, request),
          workspaceId,
          action: 'intake.message_added',
          detail: {
            ticketId: added.ticket.id,
            number: params.number,
            eventId: added.eventId,
            reopenedFrom: added.reopenedFrom,
          },
        });
        const answer: IntakeMessageResponse = {
          ticketId: added.ticket.id,
          // Where the message landed: a merged ticket's follow-up goes to the ticket it was merged into.
          number: added.ticket.number ?? params.number,
          eventId: added.eventId,
          created: true,
        };
        return { status: 201, body: answer };
      });
      if (!result.replayed) return result.body;
      answerWith(200);
      reply.header('idempotent-replayed', 'true');
      return { ...IntakeMessageResponse.parse(result.answer.body), created: false };
    },
  };
}
