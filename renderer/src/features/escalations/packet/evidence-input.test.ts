import { describe, expect, it } from 'vitest';
import { EVIDENCE_MAX } from '#shared/domain/escalation';
import { type EvidenceInput, describeEvidence, parseEvidence } from './evidence-input.ts';

const link = (url: string, label = ''): EvidenceInput => ({ kind: 'link', url, label });

describe('parseEvidence', () => {
  it.each<[string, EvidenceInput, object | RegExp]>([
    ['an https link', link(' https://logs.example.com/x '), { kind: 'link', url: 'https://logs.example.com/x' }],
    ['a link with a label', link('http://a.example', ' Grafana '), { label: 'Grafana' }],
    ['a javascript: link', link('javascript:alert(1)'), /The link must be an http or https link/],
    ['a file: link', link('file:///etc/passwd'), /http or https/],
    ['not a link', link('see the logs'), /The link/],
    ['an empty link', link('  '), /Paste a link/],
    ['a pasted log', { kind: 'log', text: 'GET /sso 502\n' }, { kind: 'log', text: 'GET /sso 502' }],
    ['an empty log', { kind: 'log', text: ' \n' }, /Paste the log/],
    ['a log too long', { kind: 'log', text: 'x'.repeat(20_001) }, /at most 20,000/],
  ])('%s', (_title, input, expected) => {
    const parsed = parseEvidence(input, 0);
    if (expected instanceof RegExp) expect(parsed.ok ? '' : parsed.problem).toMatch(expected);
    else expect(parsed.ok ? parsed.item : parsed.problem).toMatchObject(expected);
  });

  it('refuses more than the packet holds', () => {
    expect(parseEvidence(link('https://a.example'), EVIDENCE_MAX)).toMatchObject({ ok: false });
  });
});

describe('describeEvidence', () => {
  it.each([
    [{ kind: 'link' as const, url: 'https://a.example' }, 'https://a.example'],
    [{ kind: 'link' as const, url: 'https://a.example', label: 'Trace' }, 'Trace — https://a.example'],
    [{ kind: 'log' as const, text: 'one\ntwo\nthree' }, 'Log: one (+2 lines)'],
  ])('%#', (item, text) => {
    expect(describeEvidence(item)).toBe(text);
  });
});
