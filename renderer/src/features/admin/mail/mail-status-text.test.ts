import { describe, expect, it } from 'vitest';
import { channelLine, queueLine } from './mail-status-text.ts';

describe('mail status lines', () => {
  it('say the direction, the state in words, and the server’s detail', () => {
    expect(channelLine('inbound', { state: 'ok', at: 1, detail: 'Watching INBOX (IDLE)' })).toBe(
      'Receiving: connected — Watching INBOX (IDLE)',
    );
    expect(channelLine('outbound', { state: 'error', at: 1, detail: 'Sign-in refused (535)' })).toBe(
      'Sending: not working — Sign-in refused (535)',
    );
    expect(channelLine('outbound', { state: 'off', at: null, detail: ' ' })).toBe('Sending: off');
    expect(channelLine('inbound', { state: 'connecting', at: null, detail: '' })).toBe('Receiving: connecting');
  });

  it('count the queue', () => {
    expect(queueLine({ waiting: 0, failed: 0 })).toBe('0 waiting, 0 failed');
    expect(queueLine({ waiting: 1_204, failed: 3 })).toBe('1,204 waiting, 3 failed');
  });
});
