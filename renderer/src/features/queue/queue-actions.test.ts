import { describe, expect, it } from 'vitest';
import { validateActions } from '../actions/action.ts';
import { QUEUE_ACTIONS } from './queue-actions.ts';

describe('the queue actions', () => {
  // QueueActions.tsx checks them when it loads, in the running app; here a clash fails before any app runs
  // (two branches each taking a free key is how one key ends up bound twice).
  it('have unique ids and no key bound twice', () => {
    expect(() => validateActions(QUEUE_ACTIONS)).not.toThrow();
  });
});
