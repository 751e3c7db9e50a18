import { it } from 'vitest';
import { peerAddress, sendWithSwaks, ensureMailPeer } from '../server/testing/mail-peer.ts';
import { startMailTestServer } from '../server/testing/mail-server.ts';
it('dbg', async () => {
  await ensureMailPeer();
  const support = peerAddress('support', 'team.test');
  const server = await startMailTestServer('pglite', support);
  const deps = (server.app as unknown as { }) ;
  await new Promise((d) => setTimeout(d, 1500));
  await sendWithSwaks({ from: 'x@acme.test', to: support, subject: 'hi', body: 'hello' });
  for (let i = 0; i < 10; i++) {
    await new Promise((d) => setTimeout(d, 500));
    console.log(JSON.stringify(await server.db.query('select outcome, reason, source_key from mail_inbound')), JSON.stringify(await server.db.query('select * from mail_cursors')));
  }
  console.log(server.config.mail);
  await server.close();
}, 60000);
