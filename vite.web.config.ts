import { defineConfig } from 'vite';
import { DEFAULT_SERVER_HOST, DEFAULT_SERVER_PORT } from './shared/api/routes.ts';
import { rendererConfig } from './vite.renderer.ts';

const backend = process.env.SHIFTDESK_SERVER_URL ?? `http://${DEFAULT_SERVER_HOST}:${DEFAULT_SERVER_PORT}`;

/**
 * `npm run build:web`: the renderer for browsers, served by the team backend.
 * `npm run dev:web`: the same with hot reload, proxying /api (HTTP and
 * WebSocket) to a backend started with `npm run server`.
 */
export default defineConfig({
  ...rendererConfig('web'),
  server: { proxy: { '/api': { target: backend, ws: true } } },
});
