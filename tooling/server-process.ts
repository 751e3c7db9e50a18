import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { HealthResponse } from '#shared/api/health';
import { LoginResponse } from '#shared/api/auth';
import { API_ROUTES, routePath } from '#shared/api/routes';
import { Ticket } from '#shared/domain/ticket';
import { DEMO_PASSWORD } from '../server/seed/demo-content.ts';

const ROOT = resolve(import.meta.dirname, '..');
const execFileAsync = promisify(execFile);
const WEB_DIR = join(ROOT, 'out', 'web');

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The real team backend as a separate process (e2e tests and benchmarks) (exactly what `npm run server`
 * runs), with its own data directory. It can be stopped and started again on
 * the same port and data, to test what agents see when the server goes away.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {}

  /** `dataDir`: an existing data directory (prepared by the caller) instead of a fresh one. */
  static async start(
    options: { tickets?: number; env?: Record<string, string>; dataDir?: string } = {},
  ): Promise<ServerProcess> {
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'shiftdesk-e2e-')));
    const server = new ServerProcess(await freePort(), dataDir, {
      SHIFTDESK_SEED_TICKETS: String(options.tickets ?? 200),
      ...options.env,
    });
    await server.startAgain();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async startAgain(): Promise<void> {
    if (this.child) throw new Error('server already running');
    this.output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        SHIFTDESK_DATA_DIR: this.dataDir,
        SHIFTDESK_WEB_DIR: WEB_DIR,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${this.output}`);
      const health = await fetch(`${this.url}${API_ROUTES.health}`).catch(() => null);
      if (health?.ok) {
        HealthResponse.parse(await health.json());
        return;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not become healthy within 60 s:\n${this.output}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  /** Kills the process without letting it clean up (`kill -9`): what a power cut or an OOM kill does. */
  async crash(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stops the server and deletes its database: the next start is a brand-new, freshly seeded team backend. */
  async wipeData(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /**
   * Runs the server's command line (`shiftdesk-server <args>`) on this server's data, as an admin
   * would. The embedded database has one owner at a time, so it refuses while the server runs:
   * stop it first. Rejects with the command's output when it fails.
   */
  async runCommand(args: readonly string[]): Promise<string> {
    if (this.child) throw new Error('stop the server first: the embedded database has one owner at a time');
    const { stdout } = await execFileAsync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'server', 'cli', 'main.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, SHIFTDESK_DATA_DIR: this.dataDir, DATABASE_URL: '', ...this.env } },
    );
    return stdout;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<LoginResponse> {
    const response = await fetch(`${this.url}${API_ROUTES.login}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return LoginResponse.parse(await response.json());
  }

  /** Reads a ticket the way an integration would: through the HTTP API. */
  async fetchTicket(token: string, id: string): Promise<Ticket> {
    const response = await fetch(`${this.url}${routePath(API_ROUTES.ticket, { id })}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET ticket ${id}: ${response.status}`);
    return Ticket.parse(await response.json());
  }
}
