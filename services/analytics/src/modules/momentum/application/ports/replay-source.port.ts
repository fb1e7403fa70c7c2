import type { DeliveredEvent } from '@sangathan/messaging';

/** A replay in progress: reading every source topic from its beginning in a consumer group of its own. */
export interface ReplayRun {
  /** Catalogue names of the topics it reads. */
  readonly topics: readonly string[];
  /** Messages not delivered yet, given the last offset delivered per `<topic>:<partition>`. */
  lag(seen: ReadonlyMap<string, number>): Promise<number>;
  stop(): Promise<void>;
}

/** Where a momentum replay reads the history from (the broker, in production). */
export interface ReplaySourcePort {
  start(name: string, apply: (events: DeliveredEvent[]) => Promise<void>): ReplayRun;
}

export const REPLAY_SOURCE_PORT = Symbol('ReplaySourcePort');
