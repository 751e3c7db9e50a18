import { z } from 'zod';
import { UserId } from './ids.ts';
import { Role } from './roles.ts';

/** What every teammate may know about another: enough to show who did what. */
export const Member = z.object({
  id: UserId,
  name: z.string().min(1).max(200),
  email: z.email(),
  role: Role,
});
export type Member = z.infer<typeof Member>;
