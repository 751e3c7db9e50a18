import { describe, expect, it } from 'vitest';
import { type ElementLike, isKeyOwnedByControl, isTypingTarget } from './key-targets.ts';

const element = (tagName: string, attributes: Record<string, string> = {}, isContentEditable = false): ElementLike => ({
  tagName,
  isContentEditable,
  getAttribute: (name) => attributes[name] ?? null,
});

describe('isTypingTarget', () => {
  it.each<[name: string, target: unknown, typing: boolean]>([
    ['a text input', element('INPUT'), true],
    ['a search input', element('INPUT', { type: 'search' }), true],
    ['a number input', element('INPUT', { type: 'number' }), true],
    ['a range input (arrows change it)', element('INPUT', { type: 'range' }), true],
    ['a checkbox', element('INPUT', { type: 'checkbox' }), false],
    ['a radio button', element('INPUT', { type: 'radio' }), false],
    ['a submit input', element('INPUT', { type: 'SUBMIT' }), false],
    ['a textarea', element('TEXTAREA'), true],
    ['a select', element('SELECT'), true],
    ['an editable div', element('DIV', {}, true), true],
    ['a plain div', element('DIV'), false],
    ['a button', element('BUTTON'), false],
    ['the window', { addEventListener: () => undefined }, false],
    ['nothing', null, false],
  ])('%s → %s', (_name, target, typing) => {
    expect(isTypingTarget(target)).toBe(typing);
  });
});

describe('isKeyOwnedByControl', () => {
  it.each<[name: string, target: unknown, key: string, owned: boolean]>([
    ['Enter on a button', element('BUTTON'), 'Enter', true],
    ['Space on a button', element('BUTTON'), ' ', true],
    ['j on a button', element('BUTTON'), 'j', false],
    ['Enter on a link', element('A', { href: '/tickets/1' }), 'Enter', true],
    ['Enter on an anchor without href', element('A'), 'Enter', false],
    ['Enter on a summary', element('SUMMARY'), 'Enter', true],
    ['Space on a checkbox', element('INPUT', { type: 'checkbox' }), ' ', true],
    ['Enter on role=button', element('DIV', { role: 'button' }), 'Enter', true],
    ['Enter on a tab', element('BUTTON', { role: 'tab' }), 'Enter', true],
    ['Enter on a listbox (options via aria-activedescendant)', element('DIV', { role: 'listbox' }), 'Enter', false],
    ['Enter on the page', element('BODY'), 'Enter', false],
    ['ArrowDown on a radio button', element('INPUT', { type: 'radio' }), 'ArrowDown', true],
    ['ArrowDown on a button', element('BUTTON'), 'ArrowDown', false],
    ['Enter on nothing', null, 'Enter', false],
  ])('%s → %s', (_name, target, key, owned) => {
    expect(isKeyOwnedByControl(target, key)).toBe(owned);
  });
});
