import { z } from 'zod';
import { CUSTOMER_FAILURES_MAX, CustomerFailure } from './customer-failure.ts';
import { CustomerId, EpochMs } from './ids.ts';

export const CUSTOMER_TIERS = ['enterprise', 'business', 'starter'] as const;
export const CustomerTier = z.enum(CUSTOMER_TIERS);
export type CustomerTier = z.infer<typeof CustomerTier>;

export const Customer = z.object({
  id: CustomerId,
  name: z.string().min(1).max(200),
  /**
   * What requesters are matched by: the company's email domain (`acme.com`), or,
   * for someone writing from a free-mail provider, their whole address
   * (`jane@gmail.com`), so two strangers on gmail.com never share a customer.
   * Stored lowercase (see customer-key.ts).
   */
  domain: z.string().max(320),
  tier: CustomerTier,
  createdAt: EpochMs,
  /**
   * The trust ledger: how the team failed this customer, newest first (see
   * customer-failure.ts). Recorded when it happens, by the mutators and the
   * server paths that see it, because a device holds a window of tickets,
   * not their history. Absent until the first failure.
   */
  failures: z.array(CustomerFailure).max(CUSTOMER_FAILURES_MAX).optional(),
});
export type Customer = z.infer<typeof Customer>;
