import { Customer } from '#shared/domain/customer';
import { type CustomerKey, customerKeyOf, newCustomerName } from '#shared/domain/customer-key';
import { CustomerId } from '#shared/domain/ids';
import { indexKey } from '#shared/sync/entity';
import type { Sql } from '../db/database.ts';
import { newId } from '../db/new-id.ts';
import { insertRows } from '../sync/sync-rows.ts';

export interface Requester {
  email: string;
  name?: string | undefined;
  /** The company as the source system named it (Zendesk's "Organization"), for a customer we create. */
  organization?: string | undefined;
}

/** The live customer whose matching key (Customer.domain) is `key`, from the declared `domain` index. */
async function customerByKey(sql: Sql, workspaceId: string, key: string): Promise<Customer | undefined> {
  const rows = await sql.query<{ data: unknown }>(
    `select data from sync_rows
      where workspace_id = $1 and entity = 'customer' and index_keys @> array[$2] and not deleted
      order by id collate "C" limit 1`,
    [workspaceId, indexKey('domain', key)],
  );
  const parsed = Customer.safeParse(rows[0]?.data);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Finds or creates the customer of each requester inside one transaction
 * (intake: one requester, looked up by index; import: all customers loaded
 * once, then any number of requesters). Callers hold the
 * workspace row lock, so two requests from a new domain cannot both create it.
 * New customers are written by `flush`, at the transaction's version.
 */
export class CustomerMatcher {
  private readonly known = new Map<string, Customer>();
  private pending: Customer[] = [];
  private preloaded = false;
  /** Customers created by this matcher, and existing ones it matched. */
  readonly created = new Set<string>();
  readonly matched = new Set<string>();

  constructor(
    private readonly tx: Sql,
    private readonly workspaceId: string,
    private readonly version: number,
    private readonly now: number,
  ) {}

  /** Loads every customer of the team at once (imports): then no row needs a lookup. */
  async preloadAll(): Promise<void> {
    const rows = await this.tx.query<{ data: unknown }>(
      `select data from sync_rows where workspace_id = $1 and entity = 'customer' and not deleted order by id collate "C"`,
      [this.workspaceId],
    );
    for (const row of rows) {
      const parsed = Customer.safeParse(row.data);
      // Two customers on one domain: the oldest id wins, every time.
      if (parsed.success && !this.known.has(parsed.data.domain)) this.known.set(parsed.data.domain, parsed.data);
    }
    this.preloaded = true;
  }

  /** The requester's customer; unknown keys create one (written at the next flush). */
  async customerFor(requester: Requester): Promise<Customer> {
    const key = customerKeyOf(requester.email);
    if (!this.known.has(key.key) && !this.preloaded) {
      const found = await customerByKey(this.tx, this.workspaceId, key.key);
      if (found) this.known.set(key.key, found);
    }
    const existing = this.known.get(key.key);
    if (existing) {
      if (!this.created.has(existing.id)) this.matched.add(existing.id);
      return existing;
    }
    const customer = this.create(key, requester);
    this.known.set(key.key, customer);
    this.created.add(customer.id);
    this.pending.push(customer);
    return customer;
  }

  /** Writes the customers created since the last flush. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    await insertRows(this.tx, this.workspaceId, 'customer', batch, this.version);
  }

  private create(key: CustomerKey, requester: Requester): Customer {
    return Customer.parse({
      id: CustomerId.parse(newId('cus_')),
      name: newCustomerName(key, requester.name, requester.organization),
      domain: key.key,
      // Nothing tells us their plan yet; an agent or an admin can change it.
      tier: 'starter',
      createdAt: this.now,
    });
  }
}
