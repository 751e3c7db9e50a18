import type { DatabaseKind } from '#shared/api/health';
import { loadServerConfig } from '../config.ts';
import { peerMailEnv } from './mail-peer.ts';
import { type TestServer, startTestServer } from './test-server.ts';

/** A test server whose team mailbox is `supportAddress` on the loopback mail peer. */
export async function startMailTestServer(
  kind: DatabaseKind,
  supportAddress: string,
  extraEnv: Record<string, string> = {},
): Promise<TestServer> {
  const { mail } = loadServerConfig({ ...peerMailEnv(supportAddress, extraEnv), SHIFTDESK_DATA_DIR: '/nonexistent' });
  return startTestServer(kind, { tickets: 5, config: { mail } });
}
