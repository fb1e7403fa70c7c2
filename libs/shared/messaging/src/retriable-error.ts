import { isDatabaseUnavailable } from '@sangathan/persistence';

const TRANSIENT_KAFKA_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSConnectionClosedError',
]);

/**
 * The broker or the database is unreachable or not serving right now: retry (forever, with backoff) without
 * blaming the events. The database half is the same test the HTTP side answers 503 with.
 */
export function isRetriable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { retriable?: boolean; originalError?: Error };
  if (e.retriable === true || TRANSIENT_KAFKA_ERRORS.has(e.name) || isDatabaseUnavailable(e)) return true;
  return e.originalError ? isRetriable(e.originalError) : false;
}
