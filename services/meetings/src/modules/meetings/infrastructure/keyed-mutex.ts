/**
 * Serialises async work per key inside this process. FerretDB 1.24 does not make a conditional
 * update atomic against a concurrent one on the same document (see guarded-write.ts), so writes to
 * one meeting are queued here; across replicas the guarded write's read-back is the only defence.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    this.tails.set(key, current);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === current) this.tails.delete(key);
    }
  }
}
