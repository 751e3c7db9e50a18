import { expect, it } from 'vitest';
import { presentEnv } from './env.ts';

it('keeps variables with a value and drops unset and empty ones', () => {
  expect(presentEnv({ A: '1', B: '', C: undefined, D: ' ' })).toEqual({ A: '1', D: ' ' });
});
