import { z } from 'zod';

export const ROLES = ['agent', 'analyst', 'lead', 'trainee', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
