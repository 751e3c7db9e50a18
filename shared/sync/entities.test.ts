import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ticketFixture } from '../testing/fixtures.ts';
import {
  ENTITY_NAMES,
  ROOT_ENTITY_NAMES,
  childrenOf,
  entities,
  rootOf,
  windowAtOf,
  windowIndexOf,
} from './entities.ts';
import { indexField } from './entity.ts';

/** The registry's own rules: what every registration must satisfy for the derived parts to work. */
describe('synced entity registrations', () => {
  it('give every entity its own client table', () => {
    const tables = ENTITY_NAMES.map((entity) => entities[entity].table);
    expect(new Set(tables).size).toBe(tables.length);
  });

  it.each(ENTITY_NAMES)('%s indexes only fields its schema has', (entity) => {
    const schema = entities[entity].schema;
    const fields = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
    for (const spec of entities[entity].indexes as readonly string[]) expect(fields).toContain(indexField(spec));
  });

  it('lets a device find a root’s children and what left its window through declared indexes', () => {
    for (const root of ROOT_ENTITY_NAMES) {
      expect(entities[root].indexes as readonly string[]).toContain(windowIndexOf(root));
      for (const child of childrenOf(root))
        expect(entities[child.entity].indexes as readonly string[]).toContain(child.rootKey);
    }
  });

  it('keeps a ticket in the window while active, and while recently changed once finished', () => {
    expect(windowAtOf('ticket', ticketFixture({ status: 'open', updatedAt: 5 }))).toBeNull();
    expect(windowAtOf('ticket', ticketFixture({ status: 'solved', updatedAt: 5 }))).toBe(5);
    // The window index never undercuts the window time, so eviction may search it.
    const solved = ticketFixture({ status: 'closed', updatedAt: 9 });
    expect(solved[windowIndexOf('ticket') as 'updatedAt']).toBeGreaterThanOrEqual(windowAtOf('ticket', solved) ?? 0);
  });

  it.each([
    ['ticket', { id: 'tkt_1' }, { entity: 'ticket', id: 'tkt_1' }],
    ['ticketEvent', { id: 'evt_1', ticketId: 'tkt_1' }, { entity: 'ticket', id: 'tkt_1' }],
    ['customer', { id: 'cus_1' }, null],
  ] as const)('places a %s row under its window root', (entity, row, root) => {
    expect(rootOf(entity, row)).toEqual(root);
  });
});
