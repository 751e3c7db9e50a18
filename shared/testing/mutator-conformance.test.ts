import { describe, expect, it } from 'vitest';
import { MUTATION_NAMES } from '../sync/mutators/registry.ts';
import { PRIMITIVES_TRACE, conformanceCases, memoryHarness, primitivesScript } from './mutator-conformance.ts';
import { memoryMutatorTx } from './memory-mutator-tx.ts';

describe('mutator conformance cases', () => {
  const cases = conformanceCases();

  it('cover every registered mutation', () => {
    expect(new Set(cases.map((c) => c.mutation))).toEqual(new Set(MUTATION_NAMES));
  });

  it('are the same on every run (seeded)', () => {
    expect(conformanceCases()).toEqual(cases);
  });

  it.each(MUTATION_NAMES)('exercise both outcomes of %s on the reference store', async (mutation) => {
    const results = await Promise.all(cases.filter((c) => c.mutation === mutation).map((c) => memoryHarness(c)));
    const kinds = new Set(results.map((r) => r.result.split(':')[0]));
    expect(kinds).toEqual(new Set(['applied', 'rejected']));
  });
});

describe('transaction primitives', () => {
  it('behave as scripted on the reference store', async () => {
    expect(await primitivesScript(memoryMutatorTx())).toEqual(PRIMITIVES_TRACE);
  });
});
