import { describe, expect, it } from 'vitest';
import type { Escalation } from '#shared/domain/escalation';
import { draftToResume } from './draft-to-resume.ts';

type Packet = Pick<Escalation, 'id' | 'status' | 'createdBy' | 'problemId'>;
const mine = (overrides: Partial<Packet> = {}): Packet =>
  ({ id: 'esc_a', status: 'draft', createdBy: 'usr_me', ...overrides }) as Packet;

describe('draftToResume', () => {
  it.each<[string, { escalationId?: string }[], Packet[], string | undefined, string | null]>([
    ['no tickets', [], [mine()], undefined, null],
    ['a ticket not escalated', [{}], [mine()], undefined, null],
    ['tickets all in my draft', [{ escalationId: 'esc_a' }, { escalationId: 'esc_a' }], [mine()], undefined, 'esc_a'],
    ['a mixed selection', [{ escalationId: 'esc_a' }, {}], [mine()], undefined, null],
    ['a sent packet', [{ escalationId: 'esc_a' }], [mine({ status: 'sent' })], undefined, null],
    ['a teammate’s draft', [{ escalationId: 'esc_a' }], [mine({ createdBy: 'usr_other' as never })], undefined, null],
    ['the draft is not on this device', [{ escalationId: 'esc_b' }], [mine()], undefined, null],
    [
      'my draft for the same problem',
      [{ escalationId: 'esc_a' }],
      [mine({ problemId: 'prb_1' as never })],
      'prb_1',
      'esc_a',
    ],
    ['my draft without the problem', [{ escalationId: 'esc_a' }], [mine()], 'prb_1', null],
  ])('%s', (_title, tickets, escalations, problemId, expected) => {
    expect(draftToResume(tickets, escalations, 'usr_me', problemId)).toBe(expected);
  });
});
