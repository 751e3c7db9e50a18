import { describe, expect, it } from 'vitest';
import type { Handover } from '#shared/domain/handover';
import { followUpMovedOn, handedOverRole } from './item-role.ts';

describe('handedOverRole and followUpMovedOn', () => {
  it.each<[string, Handover['status'], string | null, ReturnType<typeof handedOverRole>, boolean]>([
    ['the receiver while it waits', 'submitted', 'usr_me', 'receiver', false],
    ['the receiver once complete', 'complete', 'usr_me', 'reader', true],
    ['someone else while it waits', 'submitted', 'usr_other', 'reader', false],
    ['someone else once complete', 'complete', 'usr_other', 'reader', false],
    ['anyone while it is built', 'building', null, 'reader', false],
  ])('%s', (_title, status, toUserId, role, movedOn) => {
    const handover = { status, toUserId: toUserId as Handover['toUserId'] };
    expect(handedOverRole(handover, 'usr_me')).toBe(role);
    expect(followUpMovedOn(handover, 'usr_me')).toBe(movedOn);
  });
});
