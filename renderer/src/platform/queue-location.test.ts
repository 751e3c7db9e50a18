import { describe, expect, it } from 'vitest';
import { formatQueueLocation, parseQueueLocation } from './queue-location.ts';

describe('queue location', () => {
  it.each([
    ['/', '', { ticketId: null, viewId: null }],
    ['/tickets/tkt_000123', '', { ticketId: 'tkt_000123', viewId: null }],
    ['/tickets/tkt_000123', '?view=builtin:triage', { ticketId: 'tkt_000123', viewId: 'builtin:triage' }],
    ['/', '?view=viw_abc-1', { ticketId: null, viewId: 'viw_abc-1' }],
    ['/tickets/<script>', '?view=javascript:alert(1)', { ticketId: null, viewId: null }],
    ['/tickets/tkt_1/extra', '?view=builtin:', { ticketId: null, viewId: null }],
  ])('%s%s', (path, search, expected) => {
    expect(parseQueueLocation(path, search)).toEqual(expected);
  });

  it('round-trips', () => {
    for (const location of [
      { ticketId: null, viewId: null },
      { ticketId: 'tkt_9', viewId: null },
      { ticketId: 'tkt_9', viewId: 'builtin:solved' },
      { ticketId: null, viewId: 'viw_x' },
    ]) {
      const url = new URL(formatQueueLocation(location), 'http://host');
      expect(parseQueueLocation(url.pathname, url.search)).toEqual(location);
    }
  });
});
