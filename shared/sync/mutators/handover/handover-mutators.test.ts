import { describe, expect, it } from 'vitest';
import { HANDOVER_ITEMS_MAX, type Handover } from '../../../domain/handover.ts';
import type { Role } from '../../../domain/roles.ts';
import { TEAM, contextFixture, handoverFixture, handoverItemFixture } from '../../../testing/fixtures.ts';
import { memoryMutatorTx } from '../../../testing/memory-mutator-tx.ts';
import { MutationRejected } from '../../rejection.ts';
import { runMutation } from '../../run-mutation.ts';
import type { MutationArgs, MutationName } from '../registry.ts';

const T0 = 1_800_000_000_000;
const MINUTE = 60_000;
const SNAPSHOT = { at: T0, sections: [{ id: 'open-by-priority', title: 'Open tickets', count: 0, lines: [] }] };

function world(handovers: Handover[] = []) {
  return memoryMutatorTx([
    ...TEAM.map((member) => ['member', member] as const),
    ...handovers.map((handover) => ['handover', handover] as const),
  ]);
}
type World = ReturnType<typeof world>;

/** The clock: every change runs at the time it is given, so the stamps below are exact. */
async function run<N extends MutationName>(
  tx: World,
  role: Role,
  at: number,
  name: N,
  args: MutationArgs<N>,
): Promise<string> {
  try {
    await runMutation(tx, name, args, contextFixture(role, { now: at, mutationId: at }));
    return 'applied';
  } catch (error) {
    if (error instanceof MutationRejected) return `${error.code}: ${error.message}`;
    throw error;
  }
}
const handover = async (tx: World, id: string) => (await tx.get('handover', id)) as Handover;

/** The three items of the outgoing agent's shift: one unstable, one with an action, one about a customer. */
const ITEMS: Record<'checkout' | 'refund' | 'globex', MutationArgs<'addHandoverItem'>['item']> = {
  checkout: {
    id: 'i1',
    subject: { kind: 'ticket', id: 'tkt_001042', label: '#1042 Checkout is down' },
    severity: 'unstable',
    summary: 'Checkout fails for EU customers since the 4.12 deploy',
    actions: [{ id: 'a1', text: 'Check the rollback', dueAt: T0 + 60 * MINUTE }],
    awareness: 'Engineering is rolling back',
    contingency: 'If it is still down at 06:30, page on-call',
  },
  refund: {
    id: 'i2',
    subject: { kind: 'ticket', id: 'tkt_001050', label: '#1050 Refund for Globex' },
    severity: 'watch',
    summary: 'Refund approved, customer waiting for the credit note',
    actions: [],
    awareness: '',
    contingency: '',
  },
  globex: {
    id: 'i3',
    subject: { kind: 'customer', id: 'cus_globex', label: 'Globex' },
    severity: 'stable',
    summary: 'Renewal call tomorrow; keep replies quick',
  },
};

/** The agent's shift: three items added, then handed to the lead. */
async function submitted(tx: World = world()): Promise<World> {
  expect(await run(tx, 'agent', T0, 'addHandoverItem', { handoverId: 'hov_day', item: ITEMS.checkout })).toBe(
    'applied',
  );
  expect(await run(tx, 'agent', T0 + MINUTE, 'addHandoverItem', { handoverId: 'hov_x', item: ITEMS.refund })).toBe(
    'applied',
  );
  expect(await run(tx, 'agent', T0 + 2 * MINUTE, 'addHandoverItem', { handoverId: 'hov_y', item: ITEMS.globex })).toBe(
    'applied',
  );
  expect(
    await run(tx, 'agent', T0 + 8 * 60 * MINUTE, 'submitHandover', {
      handoverId: 'hov_day',
      toUserId: 'usr_lead',
      snapshot: SNAPSHOT,
    }),
  ).toBe('applied');
  return tx;
}

describe('building a handover', () => {
  it('starts my handover with the first item, and adds later ones to it whatever id the device proposed', async () => {
    const tx = world();
    await run(tx, 'agent', T0, 'addHandoverItem', { handoverId: 'hov_day', item: ITEMS.checkout });
    await run(tx, 'agent', T0 + MINUTE, 'addHandoverItem', { handoverId: 'hov_other', item: ITEMS.refund });
    const day = await handover(tx, 'hov_day');
    expect(day).toMatchObject({
      fromUserId: 'usr_agent',
      toUserId: null,
      status: 'building',
      createdAt: T0,
      updatedAt: T0 + MINUTE,
    });
    expect(day.items.map((item) => [item.id, item.addedAt, item.addedBy])).toEqual([
      ['i1', T0, 'usr_agent'],
      ['i2', T0 + MINUTE, 'usr_agent'],
    ]);
    // Fields left out default to empty, not to a refusal.
    expect(day.items[1]).toMatchObject({ awareness: '', contingency: '', actions: [] });
    expect(await tx.get('handover', 'hov_other')).toBeUndefined();
  });

  it('keeps one building handover per person: with two started offline, items go into the oldest', async () => {
    const tx = world([
      handoverFixture({ id: 'hov_laptop' as never, createdAt: T0 + MINUTE, items: [] }),
      handoverFixture({ id: 'hov_desktop' as never, createdAt: T0, items: [] }),
      // Someone else's building handover and my submitted one are not mine to add to.
      handoverFixture({ id: 'hov_lead' as never, fromUserId: 'usr_lead' as never, createdAt: 0, items: [] }),
      handoverFixture({
        id: 'hov_old' as never,
        status: 'submitted',
        toUserId: 'usr_lead' as never,
        createdAt: 0,
        submittedAt: 10,
      }),
    ]);
    await run(tx, 'agent', T0 + 2 * MINUTE, 'addHandoverItem', { handoverId: 'hov_new', item: ITEMS.refund });
    expect((await handover(tx, 'hov_desktop')).items.map((item) => item.id)).toEqual(['i2']);
    expect((await handover(tx, 'hov_laptop')).items).toEqual([]);
    expect(await tx.get('handover', 'hov_new')).toBeUndefined();
  });

  it.each<[string, Handover[], MutationArgs<'addHandoverItem'>, Role, string]>([
    [
      'the same ticket twice',
      [handoverFixture({ items: [handoverItemFixture({ subject: ITEMS.checkout.subject })] })],
      { handoverId: 'hov_agent', item: { ...ITEMS.checkout, id: 'i9' } },
      'agent',
      'conflict: #1042 Checkout is down is already in your handover.',
    ],
    [
      'an item id already used',
      [handoverFixture({ items: [handoverItemFixture({ id: 'i2' })] })],
      { handoverId: 'hov_agent', item: ITEMS.refund },
      'agent',
      'conflict: Your handover already has an item with this id; nothing was added.',
    ],
    [
      'one item more than a handover holds',
      [
        handoverFixture({
          items: Array.from({ length: HANDOVER_ITEMS_MAX }, (_, index) =>
            handoverItemFixture({
              id: `i${index + 10}`,
              subject: { kind: 'ticket', id: `tkt_${index + 10}`, label: `#${index + 10}` },
            }),
          ),
        }),
      ],
      { handoverId: 'hov_agent', item: ITEMS.refund },
      'agent',
      `invalid: Your handover already has ${HANDOVER_ITEMS_MAX} items, as many as one can hold; close or remove one first.`,
    ],
    [
      'a new handover under an id someone else has',
      [handoverFixture({ id: 'hov_taken' as never, fromUserId: 'usr_lead' as never })],
      { handoverId: 'hov_taken', item: ITEMS.refund },
      'agent',
      'conflict: Another handover already has this id; nothing was added.',
    ],
    [
      'a trainee',
      [],
      { handoverId: 'hov_day', item: ITEMS.refund },
      'trainee',
      'forbidden: A trainee cannot build, submit or receive handovers.',
    ],
    [
      'a summary longer than one line',
      [],
      { handoverId: 'hov_day', item: { ...ITEMS.refund, summary: 'x'.repeat(201) } },
      'agent',
      'invalid: The change "addHandoverItem" was malformed',
    ],
  ])('refuses %s', async (_title, seed, args, role, expected) => {
    const tx = world(seed);
    const before = [...tx.rows.entries()];
    expect(await run(tx, role, T0, 'addHandoverItem', args)).toContain(expected);
    expect([...tx.rows.entries()]).toEqual(before);
  });

  it('edits only what the change names, and keeps ticked actions ticked', async () => {
    const tx = world();
    await run(tx, 'agent', T0, 'addHandoverItem', { handoverId: 'hov_day', item: ITEMS.checkout });
    await run(tx, 'agent', T0 + MINUTE, 'setHandoverActionDone', {
      handoverId: 'hov_day',
      itemId: 'i1',
      actionId: 'a1',
      done: true,
    });
    await run(tx, 'agent', T0 + 2 * MINUTE, 'updateHandoverItem', {
      handoverId: 'hov_day',
      itemId: 'i1',
      changes: {
        severity: 'watch',
        actions: [
          { id: 'a1', text: 'Check the rollback (again)' },
          { id: 'a2', text: 'Tell Globex', dueAt: T0 + 90 * MINUTE },
        ],
      },
    });
    const [item] = (await handover(tx, 'hov_day')).items;
    expect(item).toMatchObject({
      severity: 'watch',
      summary: ITEMS.checkout.summary,
      awareness: ITEMS.checkout.awareness,
      actions: [
        { id: 'a1', text: 'Check the rollback (again)', doneAt: T0 + MINUTE },
        { id: 'a2', text: 'Tell Globex', dueAt: T0 + 90 * MINUTE },
      ],
    });
    expect(item?.actions[1]?.doneAt).toBeUndefined();
  });

  it('removes an item, and removing it again changes nothing', async () => {
    const tx = world([handoverFixture()]);
    expect(await run(tx, 'agent', T0, 'removeHandoverItem', { handoverId: 'hov_agent', itemId: 'i1' })).toBe('applied');
    expect(await handover(tx, 'hov_agent')).toMatchObject({ items: [], updatedAt: T0 });
    const writes = tx.writes.length;
    expect(await run(tx, 'agent', T0 + 1, 'removeHandoverItem', { handoverId: 'hov_agent', itemId: 'i1' })).toBe(
      'applied',
    );
    expect(tx.writes.length).toBe(writes);
  });

  const edits: [MutationName, unknown][] = [
    ['updateHandoverItem', { handoverId: 'hov_agent', itemId: 'i1', changes: { summary: 'Changed' } }],
    ['removeHandoverItem', { handoverId: 'hov_agent', itemId: 'i1' }],
  ];
  it.each<[string, MutationName, unknown, Role, Partial<Handover>, string]>([
    ...edits.map(([name, args]): [string, MutationName, unknown, Role, Partial<Handover>, string] => [
      `${name} by someone else`,
      name,
      args,
      'lead',
      {},
      'forbidden: Only the person handing over can',
    ]),
    ...edits.map(([name, args]): [string, MutationName, unknown, Role, Partial<Handover>, string] => [
      `${name} once submitted`,
      name,
      args,
      'agent',
      { status: 'submitted', toUserId: 'usr_lead' as never, submittedAt: 2_000 },
      'conflict: This handover was submitted, so you can no longer',
    ]),
    [
      'an edit of an item no longer there',
      'updateHandoverItem',
      { handoverId: 'hov_agent', itemId: 'i7', changes: { summary: 'Changed' } },
      'agent',
      {},
      'not_found: That item is no longer in the handover.',
    ],
    [
      'an edit of a handover no longer there, whose item my building handover does not hold',
      'updateHandoverItem',
      { handoverId: 'hov_gone', itemId: 'i7', changes: {} },
      'agent',
      {},
      'not_found: That handover no longer exists.',
    ],
  ])('refuses %s', async (_title, name, args, role, overrides, expected) => {
    const tx = world([handoverFixture(overrides)]);
    expect(await run(tx, role, T0, name, args as never)).toContain(expected);
    expect((await handover(tx, 'hov_agent')).items[0]?.summary).toBe(handoverItemFixture().summary);
  });
});

describe('two handovers started offline on two devices', () => {
  /**
   * The desktop started hov_desktop; the laptop, offline, started hov_laptop
   * with item i9. The server put i9 into hov_desktop (the oldest), so hov_laptop
   * never existed there, yet the laptop's later changes name it.
   */
  async function merged(): Promise<World> {
    const tx = world([handoverFixture({ id: 'hov_desktop' as never, createdAt: T0 })]);
    const item = { ...ITEMS.checkout, id: 'i9' };
    expect(await run(tx, 'agent', T0 + MINUTE, 'addHandoverItem', { handoverId: 'hov_laptop', item })).toBe('applied');
    expect(await tx.get('handover', 'hov_laptop')).toBeUndefined();
    return tx;
  }
  const later = T0 + 2 * MINUTE;
  type Item = Handover['items'][number] | undefined;
  const laptopItem = async (tx: World): Promise<Item> =>
    (await handover(tx, 'hov_desktop')).items.find((item) => item.id === 'i9');

  it.each<[string, MutationName, Record<string, unknown>, (item: Item) => unknown, unknown]>([
    [
      'an edit',
      'updateHandoverItem',
      { changes: { summary: 'Edited on the laptop' } },
      (item) => item?.summary,
      'Edited on the laptop',
    ],
    ['a close', 'closeHandoverItem', { closed: true }, (item) => item?.closedAt, later],
    ['a tick', 'setHandoverActionDone', { actionId: 'a1', done: true }, (item) => item?.actions[0]?.doneAt, later],
    ['a removal', 'removeHandoverItem', {}, (item) => item, undefined],
  ])(
    'applies %s aimed at the other device’s handover to the one holding the item',
    async (_title, name, extra, read, expected) => {
      const tx = await merged();
      const args = { handoverId: 'hov_laptop', itemId: 'i9', ...extra };
      expect(await run(tx, 'agent', later, name, args as never)).toBe('applied');
      expect(read(await laptopItem(tx))).toEqual(expected);
      expect((await handover(tx, 'hov_desktop')).updatedAt).toBe(later);
      expect(await tx.get('handover', 'hov_laptop')).toBeUndefined();
    },
  );

  it.each<[string, Role, string]>([
    ['an item my building handover does not hold', 'agent', 'i7'],
    ['someone else’s change (their own building handover holds no such item)', 'lead', 'i9'],
  ])('still finds no handover for %s', async (_title, role, itemId) => {
    const tx = await merged();
    const before = await handover(tx, 'hov_desktop');
    expect(await run(tx, role, later, 'closeHandoverItem', { handoverId: 'hov_laptop', itemId, closed: true })).toBe(
      'not_found: That handover no longer exists.',
    );
    expect(await handover(tx, 'hov_desktop')).toEqual(before);
  });
});

describe('submitting a handover', () => {
  it('hands it over with the snapshot; an empty one is complete at once', async () => {
    const tx = await submitted();
    expect(await handover(tx, 'hov_day')).toMatchObject({
      status: 'submitted',
      toUserId: 'usr_lead',
      submittedAt: T0 + 8 * 60 * MINUTE,
      snapshot: SNAPSHOT,
    });
    expect((await handover(tx, 'hov_day')).completedAt).toBeUndefined();

    const empty = world([handoverFixture({ items: [] })]);
    await run(empty, 'agent', T0, 'submitHandover', {
      handoverId: 'hov_agent',
      toUserId: 'usr_lead',
      snapshot: SNAPSHOT,
    });
    expect(await handover(empty, 'hov_agent')).toMatchObject({ status: 'complete', submittedAt: T0, completedAt: T0 });
  });

  it.each<[string, Role, Partial<Handover>, string, string]>([
    ['by someone else', 'lead', {}, 'usr_analyst', 'forbidden: Only the person handing over can submit the handover.'],
    ['to myself', 'agent', {}, 'usr_agent', 'invalid: Hand over to the teammate taking over, not to yourself.'],
    ['to someone not on the team', 'agent', {}, 'usr_gone', 'invalid: That teammate is no longer on the team'],
    ['to a trainee', 'agent', {}, 'usr_trainee', 'invalid: Alex Kim cannot receive handovers'],
    [
      'a second time, to someone else',
      'agent',
      { status: 'submitted', toUserId: 'usr_lead' as never, submittedAt: 2_000 },
      'usr_analyst',
      'conflict: This handover was already submitted to someone else.',
    ],
    [
      'a second time, to the same person (nothing changes)',
      'agent',
      { status: 'submitted', toUserId: 'usr_lead' as never, submittedAt: 2_000 },
      'usr_lead',
      'applied',
    ],
  ])('%s', async (_title, role, overrides, toUserId, expected) => {
    const tx = world([handoverFixture(overrides)]);
    const before = await handover(tx, 'hov_agent');
    expect(
      await run(tx, role, T0, 'submitHandover', { handoverId: 'hov_agent', toUserId, snapshot: SNAPSHOT }),
    ).toContain(expected);
    expect(await handover(tx, 'hov_agent')).toEqual(before);
  });
});

describe('receiving a handover', () => {
  const ack = (itemId: string, readBack?: string) => ({
    handoverId: 'hov_day',
    itemId,
    nextHandoverId: 'hov_next',
    ...(readBack === undefined ? {} : { readBack }),
  });

  it('is complete only when every item is acknowledged, an unstable one with a read-back in own words', async () => {
    const tx = await submitted();
    const start = T0 + 9 * 60 * MINUTE;
    expect(await run(tx, 'lead', start, 'acknowledgeHandoverItem', ack('i2'))).toBe('applied');
    expect(await run(tx, 'lead', start + MINUTE, 'acknowledgeHandoverItem', ack('i3'))).toBe('applied');
    expect(await handover(tx, 'hov_day')).toMatchObject({ status: 'submitted', updatedAt: start + MINUTE });

    expect(
      await run(tx, 'analyst', start, 'acknowledgeHandoverItem', ack('i1', 'I will watch it closely tonight')),
    ).toBe('forbidden: Only the person this handover was handed to can acknowledge it.');
    expect(await run(tx, 'agent', start, 'acknowledgeHandoverItem', ack('i1', 'I will watch it closely tonight'))).toBe(
      'forbidden: Only the person this handover was handed to can acknowledge it.',
    );
    expect(await run(tx, 'lead', start, 'acknowledgeHandoverItem', ack('i1'))).toMatch(
      /^invalid: An unstable item needs a read-back/,
    );
    expect(await run(tx, 'lead', start, 'acknowledgeHandoverItem', ack('i1', ITEMS.checkout.summary))).toMatch(
      /^invalid: That repeats the summary/,
    );
    expect(await run(tx, 'lead', start, 'acknowledgeHandoverItem', ack('i1', 'ok got it'))).toMatch(
      /^invalid: Say a little more/,
    );
    expect((await handover(tx, 'hov_day')).items[0]?.acknowledged).toBeUndefined();

    const readBack = 'EU checkout broken by 4.12: I follow the rollback and page on-call at 06:30';
    expect(await run(tx, 'lead', start + 5 * MINUTE, 'acknowledgeHandoverItem', ack('i1', `  ${readBack} `))).toBe(
      'applied',
    );
    const done = await handover(tx, 'hov_day');
    expect(done).toMatchObject({ status: 'complete', completedAt: start + 5 * MINUTE });
    expect(done.items.map((item) => item.acknowledged)).toEqual([
      { by: 'usr_lead', at: start + 5 * MINUTE, readBack },
      { by: 'usr_lead', at: start },
      { by: 'usr_lead', at: start + MINUTE },
    ]);
  });

  it('carries the items not closed into the receiver’s next handover, marked as carried', async () => {
    const tx = await submitted();
    const start = T0 + 9 * 60 * MINUTE;
    await run(tx, 'lead', start, 'closeHandoverItem', { handoverId: 'hov_day', itemId: 'i2', closed: true });
    await run(tx, 'lead', start, 'setHandoverActionDone', {
      handoverId: 'hov_day',
      itemId: 'i1',
      actionId: 'a1',
      done: true,
    });
    await run(
      tx,
      'lead',
      start,
      'acknowledgeHandoverItem',
      ack('i1', 'Rollback underway; I phone on-call at 06:30 unless fixed'),
    );
    await run(tx, 'lead', start, 'acknowledgeHandoverItem', ack('i2'));
    expect(await tx.get('handover', 'hov_next')).toBeUndefined();
    await run(tx, 'lead', start + MINUTE, 'acknowledgeHandoverItem', ack('i3'));

    const next = await handover(tx, 'hov_next');
    expect(next).toMatchObject({
      fromUserId: 'usr_lead',
      toUserId: null,
      status: 'building',
      createdAt: start + MINUTE,
    });
    expect(next.items.map((item) => [item.id, item.carried, item.acknowledged, item.closedAt])).toEqual([
      ['i1', { fromHandoverId: 'hov_day', times: 1 }, undefined, undefined],
      ['i3', { fromHandoverId: 'hov_day', times: 1 }, undefined, undefined],
    ]);
    // Carried as written: who added it and when, and the ticked action.
    expect(next.items[0]).toMatchObject({ addedAt: T0, addedBy: 'usr_agent', actions: [{ id: 'a1', doneAt: start }] });

    // Acknowledging again changes nothing, and carries nothing twice.
    const writes = tx.writes.length;
    expect(await run(tx, 'lead', start + 2 * MINUTE, 'acknowledgeHandoverItem', ack('i3'))).toBe('applied');
    expect(tx.writes.length).toBe(writes);

    // The lead hands the night over to the agent: the carried item goes round again, counted.
    await run(tx, 'lead', start + 8 * 60 * MINUTE, 'submitHandover', {
      handoverId: 'hov_next',
      toUserId: 'usr_agent',
      snapshot: SNAPSHOT,
    });
    const morning = start + 9 * 60 * MINUTE;
    await run(tx, 'agent', morning, 'acknowledgeHandoverItem', {
      handoverId: 'hov_next',
      itemId: 'i1',
      readBack: 'Still broken? I will verify the rollback first and phone on-call',
      nextHandoverId: 'hov_morning',
    });
    await run(tx, 'agent', morning, 'acknowledgeHandoverItem', {
      handoverId: 'hov_next',
      itemId: 'i3',
      nextHandoverId: 'hov_morning',
    });
    expect((await handover(tx, 'hov_morning')).items.map((item) => [item.id, item.carried])).toEqual([
      ['i1', { fromHandoverId: 'hov_next', times: 2 }],
      ['i3', { fromHandoverId: 'hov_next', times: 2 }],
    ]);
  });

  it('carries into the handover the receiver is already building, without repeating a subject there', async () => {
    const building = handoverFixture({
      id: 'hov_lead' as never,
      fromUserId: 'usr_lead' as never,
      items: [
        // The same customer, already added by the lead; and an item whose id the carried one also has.
        handoverItemFixture({ id: 'i9', subject: ITEMS.globex.subject, addedBy: 'usr_lead' as never }),
        handoverItemFixture({ id: 'i1', subject: { kind: 'problem', id: 'prb_login', label: 'Login problem' } }),
      ],
    });
    const tx = await submitted(world([building]));
    const start = T0 + 9 * 60 * MINUTE;
    await run(
      tx,
      'lead',
      start,
      'acknowledgeHandoverItem',
      ack('i1', 'Rollback underway; I phone on-call at 06:30 unless fixed'),
    );
    await run(tx, 'lead', start, 'acknowledgeHandoverItem', ack('i2'));
    await run(tx, 'lead', start, 'acknowledgeHandoverItem', ack('i3'));
    expect(await tx.get('handover', 'hov_next')).toBeUndefined();
    const lead = await handover(tx, 'hov_lead');
    expect(lead.items.map((item) => [item.id, item.subject.id, item.carried?.times])).toEqual([
      ['i9', 'cus_globex', undefined],
      ['i1', 'prb_login', undefined],
      ['i1-c1', 'tkt_001042', 1],
      ['i2', 'tkt_001050', 1],
    ]);
    expect(lead.updatedAt).toBe(start);
  });

  it('completes without a next handover when every item was closed', async () => {
    const tx = await submitted();
    const start = T0 + 9 * 60 * MINUTE;
    for (const itemId of ['i1', 'i2', 'i3']) {
      await run(tx, 'lead', start, 'closeHandoverItem', { handoverId: 'hov_day', itemId, closed: true });
    }
    await run(
      tx,
      'lead',
      start,
      'acknowledgeHandoverItem',
      ack('i1', 'Rollback underway; I phone on-call at 06:30 unless fixed'),
    );
    await run(tx, 'lead', start, 'acknowledgeHandoverItem', ack('i2'));
    await run(tx, 'lead', start, 'acknowledgeHandoverItem', ack('i3'));
    expect((await handover(tx, 'hov_day')).status).toBe('complete');
    expect(await tx.get('handover', 'hov_next')).toBeUndefined();
  });

  it.each<[string, Role, Partial<Handover>, string]>([
    ['the author while building', 'agent', {}, 'applied'],
    ['someone else while building', 'lead', {}, 'forbidden: Only the person handing over can close its items while'],
    [
      'the receiver once submitted',
      'lead',
      { status: 'submitted', toUserId: 'usr_lead' as never, submittedAt: 2_000 },
      'applied',
    ],
    [
      'the author once submitted',
      'agent',
      { status: 'submitted', toUserId: 'usr_lead' as never, submittedAt: 2_000 },
      'forbidden: Only the person this handover was handed to can close its items.',
    ],
    [
      'the receiver once complete (the carried copy is the one to follow up)',
      'lead',
      { status: 'complete', toUserId: 'usr_lead' as never, submittedAt: 2_000, completedAt: 3_000 },
      'conflict: This handover is complete, so you can no longer close its items here',
    ],
    [
      'the author once complete',
      'agent',
      { status: 'complete', toUserId: 'usr_lead' as never, submittedAt: 2_000, completedAt: 3_000 },
      'forbidden: Only the person this handover was handed to can close its items.',
    ],
  ])('who closes an item or ticks an action: %s', async (_title, role, overrides, expected) => {
    const tx = world([handoverFixture(overrides)]);
    expect(
      await run(tx, role, T0, 'closeHandoverItem', { handoverId: 'hov_agent', itemId: 'i1', closed: true }),
    ).toContain(expected);
    expect(
      await run(tx, role, T0, 'setHandoverActionDone', {
        handoverId: 'hov_agent',
        itemId: 'i1',
        actionId: 'a1',
        done: true,
      }),
    ).toContain(expected.replace('close its items', 'tick its actions'));
    const [item] = (await handover(tx, 'hov_agent')).items;
    expect([item?.closedAt, item?.actions[0]?.doneAt]).toEqual(
      expected === 'applied' ? [T0, T0] : [undefined, undefined],
    );
  });

  it('reopens an item and unticks an action', async () => {
    const tx = world([
      handoverFixture({
        items: [handoverItemFixture({ closedAt: 2_000, actions: [{ id: 'a1', text: 'Call back', doneAt: 2_000 }] })],
      }),
    ]);
    await run(tx, 'agent', T0, 'closeHandoverItem', { handoverId: 'hov_agent', itemId: 'i1', closed: false });
    await run(tx, 'agent', T0, 'setHandoverActionDone', {
      handoverId: 'hov_agent',
      itemId: 'i1',
      actionId: 'a1',
      done: false,
    });
    const [item] = (await handover(tx, 'hov_agent')).items;
    expect(item).not.toHaveProperty('closedAt');
    expect(item?.actions[0]).toEqual({ id: 'a1', text: 'Call back' });
  });
});
