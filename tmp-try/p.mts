import { parseInboundMail } from '../server/mail/inbound/parse-inbound-mail.ts';
const raw = Buffer.from(['From: a@loop.test','To: s@team.test','Subject: Out of office: Re: x [#1001]','Message-Id: <auto0@loop.test>','In-Reply-To: <shiftdesk.msg_abc.wsp_demo@team.test>','Auto-Submitted: auto-replied','','I am away.',''].join('\r\n'));
const m = await parseInboundMail(raw, { attachmentMaxBytes: 1000 });
console.log(m.inReplyTo, m.references, m.automatic, m.messageId);
