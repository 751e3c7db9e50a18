import { describe, expect, it } from 'vitest';
import type { MailStatus } from '#shared/api/mail';
import { MAIL_STATUS_MAX_AGE_MS, MailStatusCache } from './mail-status-cache.ts';

/** A server that answers with the queued results, in order, counting the requests. */
function server(...answers: (MailStatus | Error)[]) {
  let asked = 0;
  const read = () => {
    const answer = answers[Math.min(asked, answers.length - 1)];
    asked += 1;
    return answer instanceof Error || answer === undefined
      ? Promise.reject(answer ?? new Error('no answer'))
      : Promise.resolve(answer);
  };
  return { read, asked: () => asked };
}

const OFF: MailStatus = { outbound: false, inbound: false };
const ON: MailStatus = { outbound: true, inbound: true };

describe('MailStatusCache', () => {
  it('asks once for concurrent readers, then not again while the answer is fresh', async () => {
    const peer = server(OFF, ON);
    const cache = new MailStatusCache(peer.read);
    await Promise.all([cache.refresh(1_000), cache.refresh(1_000)]);
    expect(peer.asked()).toBe(1);
    expect(cache.store.getState()).toEqual({ status: OFF, fetchedAt: 1_000 });
    await cache.refresh(1_000 + MAIL_STATUS_MAX_AGE_MS - 1);
    expect(peer.asked()).toBe(1);
    await cache.refresh(1_000 + MAIL_STATUS_MAX_AGE_MS);
    expect(peer.asked()).toBe(2);
    expect(cache.store.getState().status).toEqual(ON);
  });

  it('an error leaves the status unknown rather than keeping an old claim', async () => {
    const cache = new MailStatusCache(server(OFF, new Error('404')).read);
    await cache.refresh(0);
    expect(cache.store.getState().status).toEqual(OFF);
    await cache.refresh(MAIL_STATUS_MAX_AGE_MS);
    expect(cache.store.getState().status).toBeNull();
  });

  it('forgetting (offline) makes the next refresh ask again, however fresh the answer was', async () => {
    const peer = server(OFF, ON);
    const cache = new MailStatusCache(peer.read);
    await cache.refresh(0);
    cache.forget();
    expect(cache.store.getState().status).toBeNull();
    await cache.refresh(1);
    expect(peer.asked()).toBe(2);
    expect(cache.store.getState().status).toEqual(ON);
  });
});
