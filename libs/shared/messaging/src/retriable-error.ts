/** Connection trouble and broker-side transient errors: retry without blaming the events. */
export function isRetriable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { retriable?: boolean; originalError?: Error; name: string };
  if (e.retriable === true) return true;
  if (
    [
      'KafkaJSConnectionError',
      'KafkaJSNumberOfRetriesExceeded',
      'KafkaJSRequestTimeoutError',
      'KafkaJSBrokerNotFound',
      'KafkaJSConnectionClosedError',
    ].includes(e.name)
  ) {
    return true;
  }
  if (/^Mongo(Network|ServerSelection|NotConnected|NetworkTimeout)Error$/.test(e.name)) return true;
  return e.originalError ? isRetriable(e.originalError) : false;
}
