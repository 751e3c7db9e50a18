import { describe, expect, it } from 'vitest';
import { blankPacket } from '../domain/escalation.ts';
import { escalationFixture } from '../testing/fixtures.ts';
import { type PacketDraft, describeGaps, packetReadiness, suggestedSeverity } from './readiness.ts';

const ready: PacketDraft = escalationFixture();

describe('packetReadiness', () => {
  it.each<[string, Partial<PacketDraft>, string[]]>([
    ['a complete packet', {}, []],
    ['no summary', { summary: '' }, ['summary']],
    ['a summary that says nothing', { summary: 'broken' }, ['summary']],
    ['no severity', { severity: null }, ['severity']],
    ['no ticket and no problem', { ticketIds: [] }, ['impact']],
    ['no ticket but a problem', { ticketIds: [], problemId: 'prb_login' }, []],
    ['steps that are a placeholder', { stepsToReproduce: 'n/a' }, ['stepsToReproduce']],
    ['steps too short to follow', { stepsToReproduce: 'login' }, ['stepsToReproduce']],
    ['no expected', { expected: '  ' }, ['expected']],
    ['no actual', { actual: '' }, ['actual']],
    ['actual the same as expected', { expected: 'Signed in', actual: ' signed  IN ' }, ['actual']],
    ['environment "unknown"', { environment: 'Unknown' }, ['environment']],
    ['nothing tried', { tried: 'TBD' }, ['tried']],
    ['evidence missing is advice, not a gap', { evidence: [] }, []],
    [
      'a blank packet with a ticket',
      { ...blankPacket() },
      ['summary', 'severity', 'stepsToReproduce', 'expected', 'actual', 'environment', 'tried'],
    ],
  ])('%s', (_title, change, missing) => {
    const readiness = packetReadiness({ ...ready, ...change });
    expect(readiness.missing.map((gap) => gap.field)).toEqual(missing);
    expect(readiness.ready).toBe(missing.length === 0);
  });

  it('advises evidence without blocking', () => {
    const readiness = packetReadiness({ ...ready, evidence: [] });
    expect(readiness.ready).toBe(true);
    expect(readiness.advice.map((gap) => gap.field)).toEqual(['evidence']);
    expect(packetReadiness(ready).advice).toEqual([]);
  });

  it('says what is missing in one sentence', () => {
    const { missing } = packetReadiness({ ...ready, severity: null, expected: '', tried: '' });
    expect(describeGaps(missing)).toBe('Missing: the severity, what was expected and what was already tried.');
    expect(describeGaps(missing.slice(0, 1))).toBe('Missing: the severity.');
    expect(describeGaps([])).toBe('Nothing missing.');
  });
});

describe('suggestedSeverity', () => {
  it.each<[string, string[], number, string | null]>([
    ['no tickets', [], 0, null],
    ['an urgent ticket', ['normal', 'urgent'], 2, 'sev2'],
    ['twenty customers', ['normal'], 20, 'sev2'],
    ['a high ticket', ['high', 'low'], 2, 'sev3'],
    ['five customers', ['low'], 5, 'sev3'],
    ['one normal ticket', ['normal'], 1, 'sev4'],
  ])('%s', (_title, priorities, customers, expected) => {
    expect(
      suggestedSeverity(
        priorities.map((priority) => ({ priority })),
        customers,
      ),
    ).toBe(expected);
  });
});
