import { describe, expect, test } from 'vitest';
import { describeTarget, externalLink, imageSource, misleadingDestination } from './link-policy.ts';

describe('externalLink', () => {
  test.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['HTTP://Example.com', 'http://example.com/'],
    ['mailto:help@example.com', 'mailto:help@example.com'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['java%09script:alert(1)', null],
    ['\u0001https://example.com', null],
    [' https://example.com', null],
    ['data:text/html,x', null],
    ['vbscript:msgbox(1)', null],
    ['file:///etc/passwd', null],
    ['//evil.example', null],
    ['/admin', null],
    ['#fn-1', null],
    ['https://', null],
    ['http:evil.example', 'http://evil.example/'],
    ['', null],
  ])('%j → %j', (target, href) => {
    expect(externalLink(target)?.href ?? null).toBe(href);
  });
});

describe('misleadingDestination', () => {
  test.each([
    ['click here', 'https://evil.example/', null],
    ['https://bank.com', 'https://evil.example/', 'evil.example'],
    ['Log in at bank.com now', 'https://evil.example/', 'evil.example'],
    ['https://bank.com', 'https://bank.com/login', null],
    ['HTTPS://BANK.COM', 'https://bank.com/', null],
    ['https://bank.com', 'https://bank.com@evil.example/', 'evil.example'],
    ['www.bank.com', 'https://bank.com/', 'bank.com'],
    ['bänk.com', 'https://xn--bnk-qla.com/', 'xn--bnk-qla.com'],
    ['help@bank.com', 'mailto:help@bank.com', null],
    ['help@bank.com', 'mailto:help@evil.example', 'help@evil.example'],
    ['Write to us', 'mailto:help@evil.example', null],
  ])('%j → %s shows %j', (text, href, shown) => {
    expect(misleadingDestination(text, new URL(href))).toBe(shown);
  });
});

describe('imageSource', () => {
  test.each([
    ['https://tracker.example/p.gif', 'tracker.example'],
    ['data:image/gif;base64,R0lGOD', 'embedded data'],
    ['javascript:alert(1)', 'an unsupported address'],
    ['/local.png', 'an unsupported address'],
  ])('%j → %j', (src, shown) => {
    expect(imageSource(src)).toBe(shown);
  });
});

test('describeTarget keeps long targets to one short line', () => {
  expect(describeTarget(`data:text/html,${'a'.repeat(200)}`)).toHaveLength(80);
  expect(describeTarget('a\n\tb')).toBe('a b');
});
