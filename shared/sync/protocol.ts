import { z } from 'zod';
import { ClientGroupId, ClientId, EpochMs } from '../domain/ids.ts';
import { type EntityName, type EntityRow, entitySchema, isEntityName } from './entities.ts';
import { MutationRejection } from './rejection.ts';

/**
 * Sync protocol v1 (BRIEF §5): intent-based push, cookie-based paged pull,
 * content-free pokes. Every message that crosses the network is parsed with
 * these schemas on the receiving side.
 */
export const PROTOCOL_VERSION = 1;

export const MAX_MUTATIONS_PER_PUSH = 500;

/**
 * Name and args stay loose here (args may even be missing): an unknown or
 * malformed mutation is rejected on its own by the server, never the whole push.
 */
export const PushedMutation = z.object({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  // An identifier (unknown ones are rejected one by one, but a name never carries arbitrary text).
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, 'must be a mutation name'),
  args: z.unknown().optional(),
  createdAt: EpochMs,
});
export type PushedMutation = z.infer<typeof PushedMutation>;

export const PushRequest = z.object({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  clientGroupId: ClientGroupId,
  clientId: ClientId,
  mutations: z.array(PushedMutation).max(MAX_MUTATIONS_PER_PUSH),
  /**
   * The sending device's own group, when it pushes changes carried over from another device's
   * export (under that device's ids): refusals are then also delivered to the sender.
   */
  carrierGroupId: ClientGroupId.optional(),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResponse = z.object({
  /** The highest mutation id the server has now processed (applied or rejected) for this client. */
  lastMutationId: z.number().int().nonnegative(),
  /**
   * Mutations of this push the server refused. Pulls bring them to the device that made them; the
   * push answer also carries them, for changes pushed on another device's behalf (imported from a file).
   */
  rejections: z.array(MutationRejection).max(MAX_MUTATIONS_PER_PUSH).default([]),
});
export type PushResponse = z.output<typeof PushResponse>;

/** Opaque to clients: they store it and send it back. */
export const Cookie = z.string().min(1).max(200);
export type Cookie = z.infer<typeof Cookie>;

export const PullRequest = z.object({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  clientGroupId: ClientGroupId,
  cookie: Cookie.nullable(),
  /** Continues a paged pull; the server hands it out, the client only echoes it. */
  resume: z.string().min(1).max(1_200).nullable().default(null),
});
export type PullRequest = z.input<typeof PullRequest>;

const ClearOp = z.object({ op: z.literal('clear') });
const DelOp = z.object({ op: z.literal('del'), entity: z.string().max(100), id: z.string().min(1).max(200) });
const WirePutOp = z.object({ op: z.literal('put'), entity: z.string().max(100), value: z.unknown() });
const WirePatchOp = z.discriminatedUnion('op', [ClearOp, DelOp, WirePutOp]);

export type PutOp = { [E in EntityName]: { op: 'put'; entity: E; value: EntityRow<E> } }[EntityName];
export type PatchOp = { op: 'clear' } | { op: 'del'; entity: EntityName; id: string } | PutOp;

export const PullProgress = z.object({
  loaded: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type PullProgress = z.infer<typeof PullProgress>;

export const WirePullResponse = z.object({
  cookie: Cookie,
  lastMutationIdChanges: z.record(z.string(), z.number().int().nonnegative()),
  patch: z.array(WirePatchOp),
  /** Non-null while a paged pull has more pages; the cookie only counts once it is null. */
  resume: z.string().min(1).max(1_200).nullable(),
  /** Set on every page of a paged pull (a full download, or a long catch-up). */
  progress: PullProgress.nullable(),
  /**
   * Roots in this page that existed before the client's cookie. One the client
   * does not hold was outside its window and came back (reopened, say): the
   * client fetches its children, which did not change and so are not here.
   */
  revisited: z.array(z.object({ entity: z.string().max(100), id: z.string().min(1).max(200) })).default([]),
});

/** A row this client could not accept: kept aside with the reason, never allowed to block the rest. */
export interface SetAsideRow {
  entity: string;
  id: string;
  value: unknown;
  problem: string;
}

export type PullResponse = Omit<z.infer<typeof WirePullResponse>, 'patch'> & {
  patch: PatchOp[];
  setAside: SetAsideRow[];
};

function rowId(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 ? id.slice(0, 200) : '(no id)';
}

/**
 * Parses a pull response. The envelope must be valid (otherwise nothing is
 * applied and the pull is retried), but a single row the client cannot accept
 * (an unknown entity from a newer server, a value that breaks its schema) is
 * set aside with the reason instead of stopping sync for every row after it.
 */
export function parsePullResponse(raw: unknown): PullResponse {
  const wire = WirePullResponse.parse(raw);
  const patch: PatchOp[] = [];
  const setAside: SetAsideRow[] = [];
  for (const op of wire.patch) {
    if (op.op === 'clear') {
      patch.push(op);
      continue;
    }
    if (!isEntityName(op.entity)) {
      const id = op.op === 'del' ? op.id : rowId(op.value);
      setAside.push({
        entity: op.entity,
        id,
        value: op.op === 'put' ? op.value : null,
        problem: `unknown record type "${op.entity}"`,
      });
      continue;
    }
    if (op.op === 'del') {
      patch.push({ op: 'del', entity: op.entity, id: op.id });
      continue;
    }
    const result = entitySchema(op.entity).safeParse(op.value);
    if (result.success) patch.push({ op: 'put', entity: op.entity, value: result.data } as PutOp);
    else
      setAside.push({
        entity: op.entity,
        id: rowId(op.value),
        value: op.value,
        problem: z.prettifyError(result.error),
      });
  }
  return { ...wire, patch, setAside };
}

/** Rows a client asks for outside its window (opening an old ticket by link or from archive search). */
export const FetchRequest = z.object({
  roots: z
    .array(z.object({ entity: z.string().max(100), id: z.string().min(1).max(200) }))
    .min(1)
    .max(50),
});
export type FetchRequest = z.infer<typeof FetchRequest>;

export const WireFetchResponse = z.object({
  patch: z.array(WirePutOp),
  /** Roots the server does not have (deleted, or never existed). */
  missing: z.array(z.object({ entity: z.string(), id: z.string() })),
});
export type FetchResponse = { patch: PutOp[]; setAside: SetAsideRow[]; missing: { entity: string; id: string }[] };

export function parseFetchResponse(raw: unknown): FetchResponse {
  const wire = WireFetchResponse.parse(raw);
  const { patch, setAside } = parsePullResponse({
    cookie: 'fetch',
    lastMutationIdChanges: {},
    patch: wire.patch,
    resume: null,
    progress: null,
    revisited: [],
  });
  return { patch: patch.filter((op): op is PutOp => op.op === 'put'), setAside, missing: wire.missing };
}

/** What a client tells the server about rows it set aside, so the team's admin sees it in the server log. */
export const ProblemReport = z.object({
  clientGroupId: ClientGroupId,
  problems: z
    .array(z.object({ entity: z.string().max(100), id: z.string().max(200), problem: z.string().max(2_000) }))
    .min(1)
    .max(100),
});
export type ProblemReport = z.infer<typeof ProblemReport>;
