import type { IncomingHttpHeaders } from 'node:http';
import { expect, it } from 'vitest';
import { upgradeProblem } from './upgrade-request.ts';

const good: IncomingHttpHeaders = {
  upgrade: 'websocket',
  'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
  'sec-websocket-version': '13',
};

it.each<[string, IncomingHttpHeaders, RegExp | null]>([
  ['a well-formed handshake', good, null],
  ['upgrade in capitals', { ...good, upgrade: 'WebSocket' }, null],
  ['version 8', { ...good, 'sec-websocket-version': '8' }, null],
  ['another protocol', { ...good, upgrade: 'h2c' }, /Upgrade/],
  ['no key', { ...good, 'sec-websocket-key': undefined }, /Key/],
  ['a short key', { ...good, 'sec-websocket-key': 'abc==' }, /Key/],
  ['no version', { ...good, 'sec-websocket-version': undefined }, /Version/],
  ['version 12', { ...good, 'sec-websocket-version': '12' }, /Version/],
])('%s', (_name, headers, problem) => {
  const found = upgradeProblem(headers);
  if (problem === null) expect(found).toBeNull();
  else expect(found).toMatch(problem);
});
