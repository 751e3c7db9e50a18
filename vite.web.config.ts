import { defineConfig } from 'vite';
import { rendererConfig } from './vite.renderer.ts';

/** `npm run build:web`: the renderer for browsers, served by the team backend. */
export default defineConfig(rendererConfig('web'));
