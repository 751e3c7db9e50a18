import { describe, expect, it } from 'vitest';
import type { Macro } from '#shared/domain/macro';
import { macroFixture } from '#shared/testing/fixtures';
import { filterMacros, macrosFor } from './macro-order.ts';

const macro = (id: string, name: string, visibility: Macro['visibility'], ownerId = 'usr_agent') =>
  macroFixture({ id: id as Macro['id'], name, visibility, ownerId: ownerId as Macro['ownerId'] });

const MACROS = [
  macro('mac_mine_b', 'Thanks, closing', 'personal'),
  macro('mac_team_logs', 'Ask for logs', 'shared', 'usr_admin'),
  macro('mac_other', 'Their secret', 'personal', 'usr_lead'),
  macro('mac_mine_a', 'apology (short)', 'personal'),
  macro('mac_team_outage', 'Outage apology', 'shared', 'usr_admin'),
  macro('mac_team_close', 'Closing', 'shared', 'usr_lead'),
];

describe('the macros an agent may use, in picker order', () => {
  it.each([
    ['usr_agent', ['Ask for logs', 'Closing', 'Outage apology', 'apology (short)', 'Thanks, closing']],
    ['usr_lead', ['Ask for logs', 'Closing', 'Outage apology', 'Their secret']],
    ['usr_nobody', ['Ask for logs', 'Closing', 'Outage apology']],
  ])('%s sees team macros first, then their own, each by name', (userId, names) => {
    expect(macrosFor(MACROS, userId).map((m) => m.name)).toEqual(names);
  });
});

describe('filtering the picker', () => {
  const mine = macrosFor(MACROS, 'usr_agent');
  it.each([
    ['', ['Ask for logs', 'Closing', 'Outage apology', 'apology (short)', 'Thanks, closing']],
    ['   ', ['Ask for logs', 'Closing', 'Outage apology', 'apology (short)', 'Thanks, closing']],
    ['apol', ['apology (short)', 'Outage apology']],
    ['logs', ['Ask for logs', 'apology (short)']],
    ['clos', ['Closing', 'Thanks, closing']],
    ['outage', ['Outage apology']],
    ['oa', ['Outage apology', 'apology (short)', 'Thanks, closing']],
    ['personal', ['apology (short)', 'Thanks, closing']],
    ['zzz', []],
  ])('“%s” → %j', (query, names) => {
    expect(filterMacros(query, mine).map((result) => result.item.name)).toEqual(names);
  });
});
