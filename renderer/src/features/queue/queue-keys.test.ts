import { describe, expect, it } from 'vitest';
import { queueKeyAction } from './queue-keys.ts';

const key = (k: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('queue keyboard map', () => {
  it.each([
    ['j', { kind: 'move', by: 1 }],
    ['ArrowDown', { kind: 'move', by: 1 }],
    ['k', { kind: 'move', by: -1 }],
    ['ArrowUp', { kind: 'move', by: -1 }],
    ['PageDown', { kind: 'move', by: 10 }],
    ['1', { kind: 'priority', priority: 'urgent' }],
    ['2', { kind: 'priority', priority: 'high' }],
    ['3', { kind: 'priority', priority: 'normal' }],
    ['4', { kind: 'priority', priority: 'low' }],
    ['c', { kind: 'claim' }],
    ['u', { kind: 'release' }],
    ['t', { kind: 'tag' }],
    ['o', { kind: 'status', status: 'open' }],
    ['p', { kind: 'status', status: 'pending' }],
    ['h', { kind: 'status', status: 'on_hold' }],
    ['e', { kind: 'status', status: 'solved' }],
    ['5', null],
    ['0', null],
    ['x', null],
  ])('%s → %o', (pressed, action) => {
    expect(queueKeyAction(key(pressed))).toEqual(action);
  });

  it('leaves browser and OS shortcuts alone', () => {
    expect(queueKeyAction(key('1', { ctrlKey: true }))).toBeNull();
    expect(queueKeyAction(key('j', { metaKey: true }))).toBeNull();
  });
});
