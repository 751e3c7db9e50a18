import { API_KEY_SCOPES, ApiKeyScope } from '#shared/api/api-keys';
import { ENDPOINTS } from '#shared/api/endpoints';
import { createApiKey, listApiKeys, revokeApiKey } from '../../api-keys/api-keys.ts';
import { CLI_ACTOR } from '../cli-actor.ts';
import { UsageError, defineCommand, optionalString, required } from '../command.ts';
import { resolveWorkspace, withDatabase } from '../open-cli-database.ts';

const WORKSPACE = { workspace: { type: 'string' } } as const;

function parseScopes(raw: unknown): ApiKeyScope[] {
  const values = Array.isArray(raw) ? raw : [];
  if (values.length === 0) throw new UsageError(`Give at least one --scope (${API_KEY_SCOPES.join(', ')}).`);
  return values.map((value) => {
    const scope = ApiKeyScope.safeParse(value);
    if (!scope.success) throw new UsageError(`Unknown scope "${String(value)}"; scopes: ${API_KEY_SCOPES.join(', ')}.`);
    return scope.data;
  });
}

export const apikeyCreateCommand = defineCommand({
  words: ['apikey', 'create'],
  summary: 'Create an API key for an integration; the secret is shown once.',
  usage: [
    `Scopes: ${API_KEY_SCOPES.join(', ')} (repeat --scope for several).`,
    'Example: shiftdesk-server apikey create --name "Web form" --scope intake',
  ],
  options: {
    name: { type: 'string' },
    scope: { type: 'string', multiple: true },
    rate: { type: 'string' },
    ...WORKSPACE,
  },
  run: async ({ values, env, print }) => {
    const name = required(values, 'name');
    const scopes = parseScopes(values.scope);
    const rate = optionalString(values, 'rate');
    const ratePerMinute = rate === undefined ? undefined : Number(rate);
    if (
      ratePerMinute !== undefined &&
      (!Number.isInteger(ratePerMinute) || ratePerMinute < 1 || ratePerMinute > 10_000)
    ) {
      throw new UsageError('--rate must be a whole number of requests per minute, from 1 to 10,000.');
    }
    await withDatabase(env, async (db, config) => {
      const workspaceId = await resolveWorkspace(db, optionalString(values, 'workspace'));
      const { key, secret } = await createApiKey(db, {
        workspaceId,
        name,
        scopes,
        ratePerMinute: ratePerMinute ?? config.intakeRatePerMinute,
        actor: CLI_ACTOR,
      });
      print(`Created API key ${key.id} "${key.name}" (${key.scopes.join(', ')}, ${key.ratePerMinute}/min).`);
      print(`Secret (shown only now; store it in the integration's settings): ${secret}`);
      if (scopes.includes('intake')) {
        print(`Use it as: curl -H "Authorization: Bearer ${secret}" … ${ENDPOINTS.intakeTicket.path}`);
      }
    });
  },
});

export const apikeyListCommand = defineCommand({
  words: ['apikey', 'list'],
  summary: 'List API keys (never their secrets).',
  usage: [],
  options: { ...WORKSPACE },
  run: async ({ values, env, print }) => {
    await withDatabase(env, async (db) => {
      const workspaceId = await resolveWorkspace(db, optionalString(values, 'workspace'));
      const keys = await listApiKeys(db, workspaceId);
      if (keys.length === 0)
        print('No API keys yet. Create one with: shiftdesk-server apikey create --name … --scope intake');
      for (const key of keys) {
        const state = key.revokedAt ? `revoked ${new Date(key.revokedAt).toISOString()}` : 'active';
        const used = key.lastUsedAt ? `last used ${new Date(key.lastUsedAt).toISOString()}` : 'never used';
        print(`${key.id}  sdk_${key.prefix}…  "${key.name}"  ${key.scopes.join(',')}  ${state}, ${used}`);
      }
    });
  },
});

export const apikeyRevokeCommand = defineCommand({
  words: ['apikey', 'revoke'],
  summary: 'Revoke an API key; it stops working at once.',
  usage: ['Example: shiftdesk-server apikey revoke --id key_…'],
  options: { id: { type: 'string' }, ...WORKSPACE },
  run: async ({ values, env, print }) => {
    const id = required(values, 'id');
    await withDatabase(env, async (db) => {
      const workspaceId = await resolveWorkspace(db, optionalString(values, 'workspace'));
      const key = await revokeApiKey(db, { workspaceId, id, actor: CLI_ACTOR });
      print(`API key ${key.id} "${key.name}" is revoked.`);
    });
  },
});
