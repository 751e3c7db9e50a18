import { describe, expect, it } from 'vitest';
import { automaticReason } from './classify-automatic.ts';
import type { RawHeaders } from './raw-headers.ts';

function headers(fields: Record<string, string>): RawHeaders {
  return new Map(Object.entries(fields).map(([name, value]) => [name.toLowerCase(), [value]]));
}

const PERSON = { From: 'Jane <jane@customer.test>', Subject: 'Help' };

describe('automaticReason', () => {
  it("is null for a person's mail, and for Auto-Submitted: no", () => {
    expect(automaticReason(headers(PERSON))).toBeNull();
    expect(automaticReason(headers({ ...PERSON, 'Auto-Submitted': 'No (a person wrote this)' }))).toBeNull();
    expect(automaticReason(headers({ ...PERSON, Precedence: 'first-class' }))).toBeNull();
    expect(automaticReason(headers({ ...PERSON, 'X-Auto-Response-Suppress': 'DR, RN, NRN' }))).toBeNull();
    expect(automaticReason(headers({ ...PERSON, From: 'noreplying <noreplying@x.test>' }))).toBeNull();
  });

  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, 'Auto-Submitted: auto-replied'],
    [{ 'Auto-Submitted': 'Auto-Generated; owner-email="x@y.test"' }, 'Auto-Submitted: auto-generated'],
    [{ 'X-Autoreply': 'yes' }, 'X-Autoreply: yes'],
    [{ 'X-Autorespond': 'Out of office' }, 'X-Autorespond: Out of office'],
    [{ 'X-Auto-Response-Suppress': 'OOF, AutoReply' }, 'X-Auto-Response-Suppress: OOF, AutoReply'],
    [{ 'X-Auto-Response-Suppress': 'All' }, 'X-Auto-Response-Suppress: All'],
    [{ Precedence: 'Bulk' }, 'Precedence: bulk'],
    [{ Precedence: 'junk' }, 'Precedence: junk'],
    [{ Precedence: 'list' }, 'Precedence: list'],
    [{ Precedence: 'auto_reply' }, 'Precedence: auto_reply'],
    [{ 'List-Id': 'Printers <printers.lists.x.test>' }, 'List-Id: Printers <printers.lists.x.test> (a mailing list)'],
    [{ 'List-Unsubscribe': '<mailto:leave@x.test>' }, 'List-Unsubscribe (a mailing list)'],
    [{ 'X-Loop': 'helpdesk@x.test' }, 'X-Loop: helpdesk@x.test'],
    [{ 'Return-Path': '< >' }, 'Return-Path: <> (a mail server’s own mail)'],
    [
      { 'Content-Type': 'multipart/report; report-type="delivery-status"; boundary=x' },
      'Content-Type: multipart/report (delivery-status)',
    ],
    [{ From: 'Mail Delivery System <MAILER-DAEMON@mx.x.test>' }, 'From: mailer-daemon@mx.x.test'],
    [{ From: 'postmaster@x.test' }, 'From: postmaster@x.test'],
    [{ From: 'Shop <no-reply@shop.test>' }, 'From: no-reply@shop.test'],
    [{ From: 'noreply+bounce@shop.test' }, 'From: noreply+bounce@shop.test'],
    [{ From: 'do_not_reply@shop.test' }, 'From: do_not_reply@shop.test'],
  ])('names %j', (fields, reason) => {
    expect(automaticReason(headers({ ...PERSON, ...fields }))).toBe(reason);
  });

  it('names Auto-Submitted first when a mail has several signs', () => {
    const reason = automaticReason(headers({ ...PERSON, Precedence: 'bulk', 'Auto-Submitted': 'auto-replied' }));
    expect(reason).toBe('Auto-Submitted: auto-replied');
  });

  it('keeps the phrase short and free of control and direction characters', () => {
    const reason = automaticReason(headers({ ...PERSON, 'X-Loop': `\u202E${'x'.repeat(500)}\u0000` }));
    expect(reason).toBe(`X-Loop: ${'x'.repeat(60)}`);
  });
});
