import { describe, expect, it, vi } from 'vitest';
import { type Action, ActionDefinitionError, defineActions } from './action.ts';
import { createActionRegistry } from './action-registry.ts';

interface Ctx {
  selected: string | null;
  log: string[];
}

const action = (id: string, keys: string[], extra: Partial<Action<Ctx>> = {}): Action<Ctx> => ({
  id,
  title: `Do ${id}`,
  group: 'Ticket',
  keys,
  run: (ctx) => void ctx.log.push(id),
  ...extra,
});

describe('defineActions', () => {
  it('accepts a consistent set and freezes it', () => {
    const list = defineActions<Ctx>([action('a', ['a', 'shift+a']), action('b', ['g b']), action('c', [])]);
    expect(list.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(Object.isFrozen(list)).toBe(true);
  });

  it.each<[name: string, list: Action<Ctx>[], message: RegExp]>([
    ['duplicate ids', [action('a', ['a']), action('a', ['b'])], /Two actions have the id "a"/],
    ['same key twice', [action('a', ['x']), action('b', ['x'])], /"a" and "b" are both bound to "x"/],
    ['same key, other spelling', [action('a', ['mod+shift+k']), action('b', ['shift+mod+k'])], /both bound/],
    ['same key listed twice on one action', [action('a', ['x', 'x'])], /"a" lists "x" twice/],
    ['Escape and esc', [action('a', ['Escape']), action('b', ['esc'])], /both bound/],
    ['a key that starts a sequence', [action('go', ['g']), action('goOpen', ['g o'])], /"g" \(go\) is the start/],
    ['the same, in the other order', [action('goOpen', ['g o']), action('go', ['g'])], /is the start of "g o"/],
    ['a binding that does not parse', [action('a', ['Escpae'])], /Action "a": .*"Escpae" is not a key name/],
    ['no id', [action('', ['a'])], /has no id/],
    ['no title', [action('a', ['a'], { title: ' ' })], /"a" has no title/],
  ])('refuses %s', (_name, list, message) => {
    expect(() => defineActions(list)).toThrow(ActionDefinitionError);
    expect(() => defineActions(list)).toThrow(message);
  });

  it('allows a sequence next to a single key it merely shares a letter with', () => {
    expect(() => defineActions<Ctx>([action('o', ['o']), action('go', ['g o'])])).not.toThrow();
  });
});

describe('the action registry', () => {
  const ctx: Ctx = { selected: 'tkt_1', log: [] };

  it('binds actions to the context of whoever registered them', async () => {
    const registry = createActionRegistry();
    let current: Ctx = { selected: null, log: [] };
    registry.register(
      defineActions<Ctx>([action('assign', ['a'], { when: (c) => c.selected !== null, keywords: ['claim'] })]),
      () => current,
    );
    const [assign] = registry.list();
    expect(assign).toMatchObject({ id: 'assign', keywords: ['claim'], global: false });
    expect(assign?.bindings.map((b) => b.canonical)).toEqual(['a']);
    expect(assign?.applies()).toBe(false);
    current = ctx;
    expect(assign?.applies()).toBe(true);
    await assign?.run();
    expect(ctx.log).toEqual(['assign']);
  });

  it('keeps one snapshot until something changes, and tells subscribers', () => {
    const registry = createActionRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    const before = registry.list();
    expect(registry.list()).toBe(before);
    const unregister = registry.register([action('a', ['a'])], () => ctx);
    expect(listener).toHaveBeenCalledTimes(1);
    const after = registry.list();
    expect(after).not.toBe(before);
    expect(registry.list()).toBe(after);
    unregister();
    unregister(); // twice is harmless (React's strict mode cleans up effects twice)
    expect(listener).toHaveBeenCalledTimes(2);
    expect(registry.list()).toEqual([]);
  });

  it('lists in registration order and checks clashes across registrations', () => {
    const registry = createActionRegistry();
    const screen = registry.register([action('next', ['j']), action('go', ['g o'])], () => ctx);
    registry.register([{ ...action('palette', ['mod+k']), global: true }], () => ctx);
    expect(registry.list().map((a) => [a.id, a.global])).toEqual([
      ['next', false],
      ['go', false],
      ['palette', true],
    ]);
    expect(() => registry.register([action('other', ['j'])], () => ctx)).toThrow(/"next" and "other"/);
    expect(() => registry.register([action('g', ['g'])], () => ctx)).toThrow(/is the start of "g o"/);
    expect(() => registry.register([action('next', [])], () => ctx)).toThrow(/id "next"/);
    // A refused set changes nothing; once the screen goes, its keys are free again.
    expect(registry.list()).toHaveLength(3);
    screen();
    expect(() => registry.register([action('other', ['j'])], () => ctx)).not.toThrow();
  });
});
