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
    expect(ourMessageId(`<${id}>`)).toEqual({ messageId: 'msg_abc-1', workspaceId: 'wsp_demo' });
  });

  it("does not claim anyone else's ids", () => {
    expect(ourMessageId('<CAF123@mail.gmail.com>')).toBeNull();
    expect(ourMessageId('<shiftdesk.msg_a.wsp_b@x@y>')).toBeNull();
    expect(ourMessageId('shiftdesk.tkt_a.wsp_b@acme.com')).toBeNull();
  });

  it('strips brackets and space', () => {
    expect(bareMessageId('  <<a@b>> ')).toBe('a@b');
  });
});
