import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../../sync/api-client.ts';
import { downloadFailure } from './save-attachment.ts';

describe('downloadFailure', () => {
  it('offline: names the file, says why, and offers a retry', () => {
    const failure = downloadFailure('invoice.pdf', new NetworkError('Can’t reach the Shiftdesk server at http://x.'));
    expect(failure).toMatchObject({ retry: true, offline: true });
    expect(failure.message).toMatch(/^invoice\.pdf was not downloaded: Can’t reach the Shiftdesk server/);
    expect(failure.message).toContain('try again once you are online');
  });

  it('a refusal carries the server’s own words, without a retry', () => {
    const failure = downloadFailure('scan.png', new ApiError(404, 'not_found', 'That file is no longer kept.'));
    expect(failure).toMatchObject({ retry: false, offline: false, status: 404, code: 'not_found' });
    expect(failure.message).toBe('scan.png was not downloaded. That file is no longer kept.');
  });
});
