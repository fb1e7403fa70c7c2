import { randomBytes } from 'node:crypto';

/** A short unique name for a test's own database, topic prefix or ids. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** The broker and database `npm test` started; fails loudly if run outside it. */
export function integrationInfra(): { kafkaBrokers: string; mongoUri: string } {
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  const mongoUri = process.env.MONGODB_URI;
  if (!kafkaBrokers || !mongoUri)
    throw new Error('KAFKA_BROKERS and MONGODB_URI must be set (run through npm test)');
  return { kafkaBrokers, mongoUri };
}

/**
 * Gives a test file its own topic namespace and database, so test files can run in parallel
 * against one broker and one database without seeing each other's data.
 */
export function isolateTest(name: string): { topicPrefix: string; dbName: (service: string) => string } {
  integrationInfra();
  const id = uniqueName(name);
  const topicPrefix = `${id}.`;
  process.env.KAFKA_TOPIC_PREFIX = topicPrefix;
  return { topicPrefix, dbName: (service) => `${id}-${service}` };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  {
    timeoutMs = 20_000,
    intervalMs = 100,
    what = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
