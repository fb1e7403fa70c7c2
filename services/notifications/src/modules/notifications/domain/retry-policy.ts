/** How often and how patiently one channel is retried before falling back to the next. */
export type RetryPolicy = {
  /** Provider calls per channel, the first included. */
  maxAttempts: number;
  /** Delay before the first retry; it doubles per attempt. */
  baseDelayMs: number;
  /** No retry waits longer than this. */
  maxDelayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
};

/**
 * Exponential backoff with "equal jitter": half the capped exponential delay is fixed, half random, so
 * retries of messages that failed together spread out but none comes back immediately.
 * `attempt` counts calls made so far (1 after the first failure).
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
