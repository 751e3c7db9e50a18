import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DEFAULT_SERVER_HOST, DEFAULT_SERVER_PORT } from '#shared/api/routes';
import { electronInstallerPath, findElectronBinary } from './electron-binary.ts';

/**
 * `npm start`: the desktop app against the embedded team backend.
 *  1. make sure the Electron binary is there (downloading it if it can),
 *  2. build main, preload and renderer,
 *  3. start the server (seeding the demo team on first run) unless one already answers,
 *  4. open the app pointed at it; closing the app stops the server.
 */
const ROOT = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? DEFAULT_SERVER_PORT);
const serverUrl = process.env.SHIFTDESK_SERVER_URL ?? `http://${process.env.HOST ?? DEFAULT_SERVER_HOST}:${port}`;
const DOWNLOAD_TIMEOUT_MS = 120_000;

function ensureElectron(): string {
  let binary = findElectronBinary();
  if ('path' in binary) return binary.path;
  console.log('Shiftdesk: the Electron binary is not installed yet; downloading it (from GitHub)…');
  // The installer's output is kept back: a failed download prints a stack trace that says less than our message.
  const download = spawnSync(process.execPath, [electronInstallerPath()], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  binary = findElectronBinary();
  if ('path' in binary) return binary.path;
  const reason = `${download.stderr}\n${download.stdout}`.split('\n').find((line) => line.trim() !== '');
  console.error(
    [
      '',
      'Shiftdesk cannot open the desktop app: the Electron binary is missing and could not be downloaded.',
      `  ${binary.missing}`,
      ...(reason ? [`  The download failed: ${reason.trim()}`] : []),
      '',
      'You can use Shiftdesk in your browser instead — same app, same data, works offline:',
      '  npm run start:web',
      '',
      'Or install Electron from a machine with internet access and point ELECTRON_OVERRIDE_DIST_PATH at it.',
    ].join('\n'),
  );
  process.exit(1);
}

async function serverAnswers(): Promise<boolean> {
  const response = await fetch(`${serverUrl}/api/v1/health`).catch(() => null);
  return response?.ok ?? false;
}

async function startServer(): Promise<ChildProcess | null> {
  if (await serverAnswers()) {
    console.log(`Shiftdesk: using the server already running at ${serverUrl}`);
    return null;
  }
  const server = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: 'inherit',
  });
  const deadline = Date.now() + 120_000;
  while (!(await serverAnswers())) {
    if (server.exitCode !== null)
      throw new Error('The Shiftdesk server exited during start-up (see its output above).');
    if (Date.now() > deadline) throw new Error(`The Shiftdesk server did not answer at ${serverUrl} within 2 minutes.`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return server;
}

async function main(): Promise<void> {
  const electronPath = ensureElectron();
  const build = spawnSync('npm', ['run', 'build:desktop'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const server = await startServer();
  const app = spawn(electronPath, [resolve(ROOT, 'out', 'main', 'index.js')], {
    cwd: ROOT,
    env: { ...process.env, SHIFTDESK_SERVER_URL: serverUrl },
    stdio: 'inherit',
  });
  const stop = () => server?.kill('SIGTERM');
  process.once('SIGINT', () => {
    app.kill('SIGTERM');
    stop();
  });
  app.once('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
