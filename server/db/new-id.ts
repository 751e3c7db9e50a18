import { randomBytes } from 'node:crypto';

/**
 * A new random id with a readable prefix (`tkt_…`, `cus_…`, `evt_…`) for rows the
 * server creates itself: 96 random bits in base64url, inside the id alphabet.
 */
export function newId<P extends 'tkt_' | 'cus_' | 'evt_' | 'msg_' | 'att_'>(prefix: P): `${P}${string}` {
  return `${prefix}${randomBytes(12).toString('base64url')}`;
}
