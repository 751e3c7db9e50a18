import { describe, expect, it } from 'vitest';
import { bareMessageId, ourMessageId, outboundMessageId } from './message-ids.ts';

describe('outbound Message-IDs', () => {
  it('round-trips the message and workspace through the id', () => {
    const id = outboundMessageId(
      'msg_abc-1',
      'wsp_demo',
      'Support <support@acme.com>'.replace(/.*</, '').replace('>', ''),
    );
    expect(id).toBe('shiftdesk.msg_abc-1.wsp_demo@acme.com');
    expect(ourMessageId(`<${id}>`)).toStrictEqual({ messageId: 'msg_abc-1', workspaceId: 'wsp_demo' });
  });

  it("names the merged ticket a copy went to, so each requester's copy has its own id", () => {
    const own = outboundMessageId('msg_r', 'wsp_demo', 'support@acme.com');
    const copy = outboundMessageId('msg_r', 'wsp_demo', 'support@acme.com', 'tkt_dup-1');
    expect(copy).toBe('shiftdesk.msg_r.tkt_dup-1.wsp_demo@acme.com');
    expect(copy).not.toBe(own);
    expect(ourMessageId(`<${copy}>`)).toStrictEqual({
      messageId: 'msg_r',
      workspaceId: 'wsp_demo',
      ticketId: 'tkt_dup-1',
    });
  });

  it.each([
    ['<CAF123@mail.gmail.com>'],
    ['<shiftdesk.msg_a.wsp_b@x@y>'],
    ['shiftdesk.tkt_a.wsp_b@acme.com'],
    ['shiftdesk.msg_a.cus_x.wsp_b@acme.com'],
    ['shiftdesk.msg_a.tkt_x.tkt_y.wsp_b@acme.com'],
    ['shiftdesk.msg_a.tkt_.wsp_b@acme.com'],
  ])('does not claim %s', (value) => {
    expect(ourMessageId(value)).toBeNull();
  });

  it('strips brackets and space', () => {
    expect(bareMessageId('  <<a@b>> ')).toBe('a@b');
  });
});
