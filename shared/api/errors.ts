import { z } from 'zod';

/** Every non-2xx JSON answer from the server has this shape, so clients can always show `message`. */
export const ApiErrorBody = z.object({
  error: z.string(),
  message: z.string(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
