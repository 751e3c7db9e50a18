import type { QueryRecord } from './query-record.ts';

/**
 * A QueryRecord for tests and benchmarks, without the schema's parsing: the
 * query layer only reads fields, and property tests build thousands of these.
 */
export function queryRecord(overrides: { [K in keyof QueryRecord]?: unknown } = {}): QueryRecord {
  return {
    id: 'tkt_1',
    number: 1,
    subject: 'Checkout page is down',
    requesterName: 'Ana Costa',
    customerId: 'cus_acme',
    status: 'new',
    priority: 'normal',
    channel: 'email',
    assigneeId: null,
    tags: [],
    createdAt: 1_000,
    updatedAt: 1_000,
    slaDueAt: null,
    ...overrides,
  } as QueryRecord;
}
