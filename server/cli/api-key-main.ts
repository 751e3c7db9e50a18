import { z } from 'zod';
import { ApiKeyScope } from '#shared/api/api-keys';
import { ConfigError, loadServerConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { createApiKey } from './create-api-key.ts';

const USAGE = `Usage: npm run server:apikey -- --name "Web form" --scope intake [--workspace wsp_demo]

A stopgap until \`npm run shiftdesk-server -- apikey create\` and the admin screen exist.
With PGlite, stop the server first (one process per data directory).`;

const Args = z.object({
  name: z.string().trim().min(1).max(100),
  scope: z.array(ApiKeyScope).min(1),
  workspace: z.string().optional(),
});

function parse(argv: readonly string[]): z.infer<typeof Args> {
  const raw: { name?: string; scope: string[]; workspace?: string } = { scope: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag ?? 'An option'} needs a value.`);
    if (flag === '--name') raw.name = value;
    else if (flag === '--scope') raw.scope.push(value);
    else if (flag === '--workspace') raw.workspace = value;
    else throw new Error(`Unknown option ${flag ?? ''}.`);
  }
  const parsed = Args.safeParse(raw);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  return parsed.data;
}

async function main(): Promise<number> {
  let args: z.infer<typeof Args>;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 64;
  }
  const db = await openDatabase(loadServerConfig(process.env));
  try {
    const workspaces = (await db.query<{ id: string }>('select id from workspaces order by id')).map((row) => row.id);
    const workspaceId = args.workspace ?? (workspaces.length === 1 ? workspaces[0] : undefined);
    if (!workspaceId || !workspaces.includes(workspaceId)) {
      console.error(`Choose a team with --workspace (there is: ${workspaces.join(', ') || 'none yet'}).`);
      return 1;
    }
    const key = await createApiKey(db, workspaceId, { name: args.name, scopes: args.scope });
    console.log(`Created API key ${key.id} (${args.scope.join(', ')}) for ${workspaceId}.`);
    console.log(`Secret (shown once, store it now): ${key.secret}`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
