#!/usr/bin/env node
// The installed `shiftdesk-server` command: the server is TypeScript run by tsx (a runtime dependency).
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
