import { z } from 'zod';
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
});
export type Customer = z.infer<typeof Customer>;
