import { describe, expect, it } from 'vitest';
import {
  indexOfSorted,
  insertSorted,
  lowerBound,
  mergeSortedInto,
  removeAllSorted,
  removeSorted,
  replaceSorted,
} from './sorted-array.ts';

/** Boxed numbers: the helpers find elements by identity, as the index's records are. */
interface Box {
  value: number;
}
const box = (value: number): Box => ({ value });
const boxes = (values: number[]): Box[] => values.map(box);
const byValue = (a: Box, b: Box) => a.value - b.value;
const values = (rows: Box[]) => rows.map((row) => row.value);
/** 0..count-1 times ten: room for values in between. */
const tens = (count: number) => boxes(Array.from({ length: count }, (_, i) => i * 10));

describe('lowerBound', () => {
  it.each([
    [[], 5, 0],
    [[10], 5, 0],
    [[10], 10, 0],
    [[10], 15, 1],
    [[10, 20, 30], 20, 1],
    [[10, 20, 30], 25, 2],
    [[10, 20, 30], 99, 3],
  ])('%o, %i → %i', (rows, value, expected) => {
    expect(lowerBound(boxes(rows), box(value), byValue)).toBe(expected);
  });

  it('searches only within [lo, hi)', () => {
    const rows = boxes([10, 20, 30, 40]);
    expect(lowerBound(rows, box(5), byValue, 2, 4)).toBe(2);
    expect(lowerBound(rows, box(99), byValue, 0, 2)).toBe(2);
  });
});

describe('indexOfSorted', () => {
  it('finds the very element, not an equal one', () => {
    const rows = boxes([10, 20, 30]);
    expect(indexOfSorted(rows, rows[1]!, byValue)).toBe(1);
    expect(indexOfSorted(rows, box(20), byValue)).toBe(-1);
    expect(indexOfSorted(rows, box(99), byValue)).toBe(-1);
    expect(indexOfSorted([], box(1), byValue)).toBe(-1);
  });
});

describe('insertSorted and removeSorted', () => {
  it.each([
    [[], 5, [5], 0],
    [[10, 20], 5, [5, 10, 20], 0],
    [[10, 20], 15, [10, 15, 20], 1],
    [[10, 20], 25, [10, 20, 25], 2],
  ])('inserts into %o: %i → %o at %i', (start, value, expected, at) => {
    const rows = boxes(start);
    expect(insertSorted(rows, box(value), byValue)).toBe(at);
    expect(values(rows)).toEqual(expected);
  });

  it.each([
    [[10, 20, 30], 0, [20, 30]],
    [[10, 20, 30], 1, [10, 30]],
    [[10, 20, 30], 2, [10, 20]],
    [[10], 0, []],
  ])('removes from %o the element at %i', (start, at, expected) => {
    const rows = boxes(start);
    expect(removeSorted(rows, rows[at]!, byValue)).toBe(at);
    expect(values(rows)).toEqual(expected);
  });

  it('leaves the array alone when the element is not there', () => {
    const rows = boxes([10, 20]);
    expect(removeSorted(rows, box(20), byValue)).toBe(-1);
    expect(values(rows)).toEqual([10, 20]);
  });
});

describe('replaceSorted', () => {
  it.each([
    // [size, index of the replaced element, new value, new index]
    ['stays, same value', 5, 2, 20, 2],
    ['stays, between neighbours', 5, 2, 25, 2],
    ['one step left', 5, 2, 5, 1],
    ['to the start', 5, 4, -1, 0],
    ['one step right', 5, 2, 35, 3],
    ['to the end', 5, 0, 99, 4],
    ['alone', 1, 0, 99, 0],
    ['far left (splices)', 200, 150, 5, 1],
    ['far right (splices)', 200, 10, 1_995, 199],
    ['right, the longest hand shift', 100, 50, 825, 82],
    ['right, the shortest splice', 100, 50, 835, 83],
    ['left, the longest hand shift', 100, 50, 175, 18],
    ['left, the shortest splice', 100, 50, 165, 17],
  ] as const)('%s', (_label, size, from, value, to) => {
    const rows = tens(size);
    const next = box(value);
    const expected = values(rows).filter((_, i) => i !== from);
    expected.splice(to, 0, value);
    expect(replaceSorted(rows, rows[from]!, next, byValue)).toBe(to);
    expect(values(rows)).toEqual(expected);
    expect(rows[to]).toBe(next);
  });

  it('returns -1 and changes nothing when the old element is not there', () => {
    const rows = tens(3);
    expect(replaceSorted(rows, box(10), box(15), byValue)).toBe(-1);
    expect(values(rows)).toEqual([0, 10, 20]);
  });
});

describe('mergeSortedInto', () => {
  it.each([
    [
      [10, 20, 30],
      [1, 25, 99],
      [1, 10, 20, 25, 30, 99],
    ],
    [
      [10, 20, 30],
      [21, 22, 23],
      [10, 20, 21, 22, 23, 30],
    ],
    [[], [], []],
    [[], [1, 2], [1, 2]],
    [[1, 2], [], [1, 2]],
    [
      [10, 20, 30],
      [5, 15, 35],
      [5, 10, 15, 20, 30, 35],
    ],
    [
      [10, 20],
      [1, 2, 3],
      [1, 2, 3, 10, 20],
    ],
    [
      [10, 20],
      [30, 40],
      [10, 20, 30, 40],
    ],
    [
      [10, 40],
      [20, 30],
      [10, 20, 30, 40],
    ],
  ])('%o + %o → %o', (start, additions, expected) => {
    const rows = boxes(start);
    const before = rows;
    mergeSortedInto(rows, boxes(additions), byValue);
    expect(values(rows)).toEqual(expected);
    expect(rows).toBe(before);
  });
});

describe('removeAllSorted', () => {
  it.each([
    [[10, 20, 30, 40], [], [10, 20, 30, 40]],
    [[10, 20, 30, 40], [20], [10, 30, 40]],
    [
      [10, 20, 30, 40],
      [40, 10],
      [20, 30],
    ],
    [
      [10, 20, 30, 40],
      [20, 30],
      [10, 40],
    ],
    [[10, 20, 30, 40], [30, 10, 40, 20], []],
  ])('%o minus %o', (start, drop, expected) => {
    const rows = boxes(start);
    const items = drop.map((value) => rows.find((row) => row.value === value)!);
    expect(removeAllSorted(rows, items, byValue)).toBeUndefined();
    expect(values(rows)).toEqual(expected);
  });

  it('returns the item that is not there and changes nothing', () => {
    const rows = boxes([10, 20, 30]);
    const stranger = box(20);
    expect(removeAllSorted(rows, [rows[0]!, stranger], byValue)).toBe(stranger);
    expect(values(rows)).toEqual([10, 20, 30]);
  });
});
