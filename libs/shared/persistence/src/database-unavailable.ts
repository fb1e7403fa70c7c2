const CLIENT_SIDE_OUTAGE =
  /^Mongo(Network|ServerSelection|NotConnected|NetworkTimeout|TopologyClosed|PoolCleared)Error$/;

/**
 * Server codes that say the database could not serve the request right now, not that the request was wrong:
 * InternalError (a wire-protocol server whose storage is down answers it), HostUnreachable, HostNotFound,
 * NetworkTimeout, ShutdownInProgress, PrimarySteppedDown, InterruptedAtShutdown, InterruptedDueToReplStateChange,
 * NotWritablePrimary, NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary.
 */
const SERVER_SIDE_OUTAGE = new Set([1, 6, 7, 89, 91, 189, 10107, 11600, 11602, 13435, 13436]);

/** A socket the driver wrote to was closed under it (the server died mid-request); raised as a plain Error. */
const BROKEN_SOCKET = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED']);

/** The database is down or unreachable: the request may be retried later (503), it was not at fault. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Not `instanceof Error`: an error Node's own modules raise (EPIPE from a socket) comes from another realm
  // under a sandbox such as jest's, and would be answered 500 instead of 503.
  if (typeof error !== 'object' || error === null) return false;
  const { name, message, code, errorLabels } = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    errorLabels?: unknown;
  };
  if (typeof name === 'string' && CLIENT_SIDE_OUTAGE.test(name)) return true;
  if (typeof message === 'string' && /buffering timed out/.test(message)) return true;
  if (typeof code === 'string' && BROKEN_SOCKET.has(code)) return true;
  if (
    Array.isArray(errorLabels) &&
    errorLabels.some((label) => label === 'ResetPool' || label === 'RetryableWriteError')
  )
    return true;
  return name === 'MongoServerError' && typeof code === 'number' && SERVER_SIDE_OUTAGE.has(code);
}
