import { describe, expect, it } from 'vitest';
import { HandoverSubject } from '#shared/domain/handover';
import { customerSubject, escalationSubject, problemSubject, ticketSubject } from './subject-label.ts';

describe('handover subject labels', () => {
  it.each([
    [ticketSubject({ id: 'tkt_1', number: 1042, subject: 'Checkout is down' }), '#1042 Checkout is down'],
    [ticketSubject({ id: 'tkt_2', subject: '  Two\nlines  ' }), 'Two lines'],
    [escalationSubject({ id: 'esc_1', summary: 'Login loop' }), 'Escalation: Login loop'],
    [escalationSubject({ id: 'esc_2', summary: '' }), 'Escalation: untitled packet'],
    [problemSubject({ id: 'prb_1', title: 'Mail delayed' }), 'Problem: Mail delayed'],
    [customerSubject({ id: 'cus_1', name: 'Acme' }), 'Customer: Acme'],
  ])('names %o', (subject, label) => {
    expect(subject.label).toBe(label);
    expect(HandoverSubject.safeParse(subject).success).toBe(true);
  });

  it('clips a long subject to one valid label', () => {
    const subject = ticketSubject({ id: 'tkt_3', number: 7, subject: 'x'.repeat(500) });
    expect(subject.label).toHaveLength(200);
    expect(subject.label.endsWith('…')).toBe(true);
    expect(HandoverSubject.safeParse(subject).success).toBe(true);
  });

  it('falls back to the id when a ticket has no words at all', () => {
    expect(ticketSubject({ id: 'tkt_4', subject: '   ' }).label).toBe('tkt_4');
  });
});
