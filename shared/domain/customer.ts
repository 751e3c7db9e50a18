import { z } from 'zod';
import { CustomerId, EpochMs } from './ids.ts';

export const CUSTOMER_TIERS = ['enterprise', 'business', 'starter'] as const;
export const CustomerTier = z.enum(CUSTOMER_TIERS);
export type CustomerTier = z.infer<typeof CustomerTier>;

export const Customer = z.object({
  id: CustomerId,
  name: z.string().min(1).max(200),
  domain: z.string().max(200),
  tier: CustomerTier,
  createdAt: EpochMs,
});
export type Customer = z.infer<typeof Customer>;
