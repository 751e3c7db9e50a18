/**
 * When the outbound queue tries a transient failure again: exponential
 * backoff from 30 s, at most an hour apart, with ±20 % jitter so mails that
 * failed together (the server was down) do not all retry in the same second.
 */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_DELAY_MS = 60 * 60_000;
/** How long a mail keeps trying before it fails for good. */
export const RETRY_SPAN_MS = 24 * 60 * 60_000;
const JITTER = 0.2;

function nominalDelayMs(attempt: number, baseMs: number): number {
  // 2 ** 40 already dwarfs any cap; the bound keeps the arithmetic finite.
  return Math.min(baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40), RETRY_MAX_DELAY_MS);
}

/**
 * The wait after failed attempt number `attempt` (1 for the first send),
 * never more than an hour. `random` is in [0, 1), as Math.random.
 */
export function nextAttemptDelayMs(
  attempt: number,
  baseMs = RETRY_BASE_MS,
  random: () => number = Math.random,
): number {
  const jittered = nominalDelayMs(attempt, baseMs) * (1 - JITTER + 2 * JITTER * random());
  return Math.round(Math.min(jittered, RETRY_MAX_DELAY_MS));
}

/** Attempts (the first send included) whose nominal waits add up to RETRY_SPAN_MS: 31 with the defaults. */
export const MAX_ATTEMPTS = ((): number => {
  let attempts = 1;
  for (let waited = 0; waited < RETRY_SPAN_MS; attempts += 1) waited += nominalDelayMs(attempts, RETRY_BASE_MS);
  return attempts;
})();

/** The reason a mail shows once it stops retrying; `lastReason` is the last transient failure's. */
export function gaveUpReason(lastReason: string): string {
  const reason = `Could not reach the mail server for 24 hours: ${lastReason}`;
  return reason.length <= 500 ? reason : `${reason.slice(0, 499)}…`;
}
