import { describe, expect, it } from 'vitest';
import { type PrefillTicket, environmentFacts, prefillPacket, representativeSubject } from './prefill.ts';

const ticket = (subject: string, overrides: Partial<PrefillTicket> = {}): PrefillTicket => ({
  subject,
  body: '',
  priority: 'normal',
  customerId: 'cus_a',
  ...overrides,
});

describe('prefillPacket', () => {
  it.each<[string, PrefillTicket[], { title: string; affectedCustomers: number } | null, object]>([
    [
      'one ticket: its subject, a low severity, no environment',
      [ticket('Invoice export is blank')],
      null,
      { summary: 'Invoice export is blank', severity: 'sev4', environment: '' },
    ],
    [
      'the problem’s title wins over the subjects',
      [ticket('help!!'), ticket('PDF blank')],
      { title: '  Invoice PDFs export blank ', affectedCustomers: 1 },
      { summary: 'Invoice PDFs export blank' },
    ],
    [
      'a blank problem title falls back to the subjects',
      [ticket('Login fails')],
      { title: ' ', affectedCustomers: 0 },
      { summary: 'Login fails' },
    ],
    ['an urgent ticket suggests SEV2', [ticket('Login fails', { priority: 'urgent' })], null, { severity: 'sev2' }],
    [
      'five customers (merged duplicates count) suggest SEV3',
      [
        ticket('Login fails', { customerId: 'cus_a', merged: [{ customerId: 'cus_b' }, { customerId: 'cus_c' }] }),
        ticket('Login fails', { customerId: 'cus_d', merged: [{ customerId: 'cus_e' }] }),
      ],
      null,
      { severity: 'sev3' },
    ],
    [
      'the problem’s customer count counts too',
      [ticket('Login fails')],
      { title: 'Login fails after 4.12', affectedCustomers: 25 },
      { severity: 'sev2' },
    ],
    ['no tickets: no severity', [], { title: 'Login fails after 4.12', affectedCustomers: 0 }, { severity: null }],
    [
      'environment from subjects and bodies',
      [
        ticket('App 4.12 crashes on iOS 17.2', { body: 'Since the update to version 4.12 it closes.' }),
        ticket('Crash on start', { body: 'Android 14, app v4.12' }),
      ],
      null,
      { environment: '4.12, iOS 17.2, Android 14' },
    ],
  ])('%s', (_title, tickets, problem, expected) => {
    expect(prefillPacket(tickets, problem)).toMatchObject(expected);
  });

  it('clips a long summary to 200 characters', () => {
    const summary = prefillPacket([ticket('x'.repeat(300))]).summary;
    expect(summary).toHaveLength(200);
    expect(summary.endsWith('…')).toBe(true);
  });
});

describe('representativeSubject', () => {
  it.each<[string, string[], string]>([
    ['none', [], ''],
    ['the first on a tie', ['Login fails', 'Invoice blank'], 'Login fails'],
    [
      'the one most like the rest',
      ['help please', 'Invoice PDF export blank', 'PDF export blank again', 'Blank invoice PDF'],
      'Invoice PDF export blank',
    ],
  ])('%s', (_title, subjects, expected) => {
    expect(representativeSubject(subjects)).toBe(expected);
  });
});

describe('environmentFacts', () => {
  it.each<[string, string, string[]]>([
    ['nothing', 'It does not work', []],
    ['a version introduced by a word', 'After the update 4.12 it fails; version 4.12.1 too', ['4.12', '4.12.1']],
    ['a bare three-part version', 'running 4.12.1 here', ['4.12.1']],
    ['a bare two-part number is not a version', 'I paid 19.99 for 2.5 seats', []],
    ['a price is not a version', 'charged $4.12.10 twice', []],
    ['an IP address is not a version', 'from 192.168.1.20', []],
    ['a platform with its version, not read as the app’s', 'iOS 17.2.1 on iPhone', ['iOS 17.2.1']],
    ['a platform without a version', 'on Android and in the web app', ['Android', 'web']],
    ['a bare platform adds nothing next to its version', 'iOS 17 … also iOS', ['iOS 17']],
    ['"windows" and "edge" as plain words are not platforms', 'pop-up windows, an edge case', []],
    ['Windows and Edge by name', 'Windows 11, Edge', ['Windows 11', 'Edge']],
    ['macOS spelled out', 'Mac OS X and macOS 14.1', ['macOS 14.1']],
    ['browsers', 'Chrome 131 and Firefox', ['Chrome 131', 'Firefox']],
  ])('%s', (_title, text, expected) => {
    expect(environmentFacts([text])).toEqual(expected);
  });

  it('lists the most mentioned first', () => {
    expect(environmentFacts(['Safari', 'Chrome', 'Chrome'])).toEqual(['Chrome', 'Safari']);
  });
});
