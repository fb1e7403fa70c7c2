type WriteError = { code?: number };

/** True if a (bulk) write failed only because some documents existed already (error 11000). */
export function onlyDuplicateKeys(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: WriteError | WriteError[] };
  const writeErrors = [e.writeErrors ?? []].flat();
  if (writeErrors.length === 0) return e.code === 11000;
  return writeErrors.every((w) => w.code === 11000);
}
