import { describe, expect, it } from 'vitest';
import { customerKeyOf, newCustomerName } from './customer-key.ts';
import { isFreeMailDomain } from './free-mail.ts';

describe('free-mail domains', () => {
  it.each<[string, boolean]>([
    ['gmail.com', true],
    ['GMAIL.com', true],
    ['outlook.com', true],
    ['outlook.fr', true],
    ['hotmail.co.uk', true],
    ['yahoo.com', true],
    ['yahoo.co.jp', true],
    ['icloud.com', true],
    ['proton.me', true],
    ['acme.com', false],
    ['yahoo-inc.com', false],
    ['mail.acme.com', false],
    ['outlook.acme.example', false],
    ['live', false],
  ])('%s → %s', (domain, free) => {
    expect(isFreeMailDomain(domain)).toBe(free);
  });
});

describe('customer keys', () => {
  it.each([
    ['Jane.Doe@Acme.com', { kind: 'company', key: 'acme.com', domain: 'acme.com' }],
    [
      'ops@kestrelfreight.example',
      { kind: 'company', key: 'kestrelfreight.example', domain: 'kestrelfreight.example' },
    ],
    ['Jane@Gmail.com', { kind: 'person', key: 'jane@gmail.com', email: 'jane@gmail.com' }],
    ['x@yahoo.co.uk', { kind: 'person', key: 'x@yahoo.co.uk', email: 'x@yahoo.co.uk' }],
  ])('%s', (email, key) => {
    expect(customerKeyOf(email)).toEqual(key);
  });

  it('names new customers after the organization, the person, or the domain', () => {
    expect(newCustomerName(customerKeyOf('a@acme.com'), 'Ann')).toBe('Acme');
    expect(newCustomerName(customerKeyOf('a@acme.com'), 'Ann', 'Acme Corp.')).toBe('Acme Corp.');
    expect(newCustomerName(customerKeyOf('ann@gmail.com'), 'Ann Lee')).toBe('Ann Lee');
    expect(newCustomerName(customerKeyOf('ann@gmail.com'), undefined)).toBe('ann@gmail.com');
  });
});
