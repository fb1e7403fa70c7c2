/**
 * Serialises async work per key inside this process. MeetingWriter queues writes to one meeting
 * here so that simultaneous check-ins each land on their first attempt instead of colliding on the
 * version guard and retrying; the version guard is what keeps writes from other replicas safe.
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
