/** Events of one rule for one member in one window, beyond the first `after`, waiting to go out as one message. */
export type Digest = {
  id: string;
  ruleId: string;
  memberId: string;
  areaId: string;
  ancestors: string[];
  /** Every event of the window, in arrival order (the first `after` went out on their own). */
  eventIds: string[];
  after: number;
  dueAt: Date;
  state: 'open' | 'flushed';
};

export interface DigestPort {
  /** Adds `eventId` to the window's digest (once) and returns its position among the window's events (0-based). */
  add(digest: Omit<Digest, 'eventIds' | 'state'>, eventId: string): Promise<number>;
  /** Open digests due by `now`. */
  due(now: Date, limit: number): Promise<Digest[]>;
  markFlushed(id: string): Promise<void>;
}
export const DIGEST_PORT = Symbol('DigestPort');
