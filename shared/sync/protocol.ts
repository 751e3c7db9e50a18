import { z } from 'zod';
import { ClientGroupId, ClientId, EpochMs } from '../domain/ids.ts';
import { type EntityName, type EntityRow, entitySchemas, isEntityName } from './entities.ts';

/**
 * Sync protocol v1 (BRIEF §5): intent-based push, cookie-based pull, content-free
 * pokes. Every message that crosses the network is parsed with these schemas on
 * the receiving side.
 */
export const PROTOCOL_VERSION = 1;

export const MAX_MUTATIONS_PER_PUSH = 500;

/** Name and args stay loose here: an unknown or malformed mutation is rejected on its own, not the whole push. */
export const PushedMutation = z.object({
  id: z.number().int().positive(),
  // An identifier (unknown ones are rejected one by one, but a name never carries arbitrary text).
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, 'must be a mutation name'),
  args: z.unknown(),
  createdAt: EpochMs,
});
export type PushedMutation = z.infer<typeof PushedMutation>;

export const PushRequest = z.object({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  clientGroupId: ClientGroupId,
  clientId: ClientId,
  mutations: z.array(PushedMutation).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResponse = z.object({
  /** The highest mutation id the server has now processed (applied or rejected) for this client. */
  lastMutationId: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** Opaque to clients: they store it and send it back. */
export const Cookie = z.string().min(1).max(200);
export type Cookie = z.infer<typeof Cookie>;

export const PullRequest = z.object({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  clientGroupId: ClientGroupId,
  cookie: Cookie.nullable(),
  /** Continues a paged full-state pull; the server hands it out, the client only echoes it. */
  resume: z.string().min(1).max(500).nullable().default(null),
});
export type PullRequest = z.input<typeof PullRequest>;

const ClearOp = z.object({ op: z.literal('clear') });
const DelOp = z.object({ op: z.literal('del'), entity: z.string(), id: z.string().min(1).max(200) });
const PutOp = z.object({ op: z.literal('put'), entity: z.string(), value: z.unknown() });
const WirePatchOp = z.discriminatedUnion('op', [ClearOp, DelOp, PutOp]);

export type PatchOp =
  | { op: 'clear' }
  | { op: 'del'; entity: EntityName; id: string }
  | { [E in EntityName]: { op: 'put'; entity: E; value: EntityRow<E> } }[EntityName];

export const PullProgress = z.object({
  loaded: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type PullProgress = z.infer<typeof PullProgress>;

const WirePullResponse = z.object({
  cookie: Cookie,
  lastMutationIdChanges: z.record(z.string(), z.number().int().nonnegative()),
  patch: z.array(WirePatchOp),
  /** Non-null while a full-state pull has more pages; the cookie only counts once it is null. */
  resume: z.string().min(1).max(500).nullable(),
  progress: PullProgress.nullable(),
});

export type PullResponse = Omit<z.infer<typeof WirePullResponse>, 'patch'> & { patch: PatchOp[] };

/**
 * Parses a pull response, checking every row against its entity schema. A row the
 * client cannot understand fails the whole pull (and nothing is applied), rather
 * than being stored half-valid.
 */
export function parsePullResponse(raw: unknown): PullResponse {
  const wire = WirePullResponse.parse(raw);
  const patch = wire.patch.map((op, index): PatchOp => {
    if (op.op === 'clear') return op;
    if (!isEntityName(op.entity)) {
      throw new Error(`Pull patch op ${index} names an unknown entity "${op.entity}".`);
    }
    if (op.op === 'del') return { op: 'del', entity: op.entity, id: op.id };
    const result = entitySchemas[op.entity].safeParse(op.value);
    if (!result.success) {
      throw new Error(`Pull patch op ${index} (${op.entity}) is invalid: ${z.prettifyError(result.error)}`);
    }
    return { op: 'put', entity: op.entity, value: result.data } as PatchOp;
  });
  return { ...wire, patch };
}

/** WebSocket messages. Pokes carry no content: a client that hears one pulls. */
export const SocketClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().min(1).max(200) }),
]);
export type SocketClientMessage = z.infer<typeof SocketClientMessage>;

export const SocketServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('poke'), version: z.number().int().nonnegative() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type SocketServerMessage = z.infer<typeof SocketServerMessage>;
