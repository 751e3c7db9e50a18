import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../audit.ts';
import { type Principal, actorOf } from './principal.ts';

/** Who made a request, for its audit entries: the person or key, and the address it came from. */
export function auditActor(principal: Principal | null, request: FastifyRequest): AuditActor {
  return { ...actorOf(principal), ip: request.ip };
}
