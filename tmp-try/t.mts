import { testImapConnection } from '../server/mail/inbound/test-imap-connection.ts';
import { testSmtpConnection } from '../server/mail/outbound/test-smtp-connection.ts';
console.log(await testImapConnection({ host: '127.0.0.1', port: 31143, security: 'none', user: 'support-abc@team.test', password: 'peer-secret', mailbox: 'INBOX' }));
console.log(await testSmtpConnection({ host: '127.0.0.1', port: 31025, security: 'none', user: 'support-abc@team.test', password: 'peer-secret' }));
console.log(await testSmtpConnection({ host: '127.0.0.1', port: 31025, security: 'none', user: '', password: null }));
