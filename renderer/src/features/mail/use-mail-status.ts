import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { MailStatus } from '#shared/api/mail';
import { useWorkspace } from '../../app/workspace-context.tsx';
import type { ApiClient } from '../../sync/api-client.ts';
import { useSyncStatus } from '../sync/use-sync-status.ts';
import { MAIL_STATUS_MAX_AGE_MS, MailStatusCache } from './mail-status-cache.ts';

// One cache per session's client: a new sign-in has a new client, so it never sees the last session's answer.
const caches = new WeakMap<ApiClient, MailStatusCache>();

function cacheFor(api: ApiClient): MailStatusCache {
  let cache = caches.get(api);
  if (!cache) {
    cache = new MailStatusCache(() => api.call('mailStatus', {}));
    caches.set(api, cache);
  }
  return cache;
}

/**
 * Whether replies go out by email and customer mail comes in, as the server
 * last said while this device was online; null while unknown. Asked when the
 * connection comes up and every few minutes after.
 */
export function useMailStatus(): MailStatus | null {
  const { api } = useWorkspace();
  const online = useSyncStatus((status) => status.connection === 'online');
  const cache = cacheFor(api);
  useEffect(() => {
    if (!online) {
      cache.forget();
      return;
    }
    void cache.refresh(Date.now());
    const timer = setInterval(() => void cache.refresh(Date.now()), MAIL_STATUS_MAX_AGE_MS);
    return () => clearInterval(timer);
  }, [cache, online]);
  return useStore(cache.store, (state) => (online ? state.status : null));
}
