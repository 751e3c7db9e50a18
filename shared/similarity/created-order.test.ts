import { describe, expect, it } from 'vitest';
import { CreatedOrder } from './created-order.ts';

describe('CreatedOrder', () => {
  it.each([
    [
      'in order',
      [
        [10, 0],
        [20, 1],
        [30, 2],
      ],
      [],
      [0, 1, 2],
    ],
    [
      'out of order',
      [
        [30, 0],
        [10, 1],
        [20, 2],
      ],
      [],
      [1, 2, 0],
    ],
    [
      'equal times, by slot',
      [
        [10, 2],
        [10, 0],
        [10, 1],
      ],
      [],
      [0, 1, 2],
    ],
    [
      'removed while ordered',
      [
        [10, 0],
        [20, 1],
        [30, 2],
      ],
      [[20, 1]],
      [0, 2],
    ],
    [
      'removed while pending',
      [
        [30, 0],
        [10, 1],
        [20, 2],
      ],
      [[10, 1]],
      [2, 0],
    ],
    [
      'every one removed',
      [
        [30, 0],
        [10, 1],
      ],
      [
        [30, 0],
        [10, 1],
      ],
      [],
    ],
  ] as const)('%s', (_, added, removed, expected) => {
    const order = new CreatedOrder();
    for (const [time, slot] of added) order.add(time, slot);
    for (const [time, slot] of removed) order.remove(time, slot);
    expect(order.size).toBe(expected.length);
    expect(order.slotsBetween(-Infinity, Infinity)).toEqual(expected);
  });

  it('counts and reads a time range, the newest first when cut, and knows the earliest', () => {
    const order = new CreatedOrder();
    [50, 10, 40, 20, 30].forEach((time, slot) => order.add(time, slot));
    expect(order.countBetween(20, 40)).toBe(2);
    expect(order.countBetween(40, 20)).toBe(0);
    expect(order.slotsBetween(10, 51, 2)).toEqual([2, 0]);
    expect(order.earliest()).toBe(10);
    order.add(60, 5);
    order.remove(10, 1);
    expect(order.earliest()).toBe(20);
    order.clear();
    expect(order.earliest()).toBeUndefined();
    expect(order.size).toBe(0);
  });
});
