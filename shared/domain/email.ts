import { z } from 'zod';

/**
 * An email address as people type it: surrounding spaces (a paste, an
 * autofill) are dropped and case is ignored, so "Sam@Example.com " and
 * "sam@example.com" are one account. Stored and compared in this form.
 */
export const EmailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(320))
  .describe('An email address; surrounding spaces are ignored and letter case does not matter.');
export type EmailAddress = z.output<typeof EmailAddress>;
