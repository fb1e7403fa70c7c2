import type { OutboxEntry } from '@sangathan/messaging';

/** What was last published for an area, to decide whether its score moved enough to publish again. */
export type Publication = {
  _id: string;
  score: number;
  publishedAt: Date;
  below: boolean;
  dropDay: number | null;
  formulaVersion: number;
};

/** The published streams' memory: one row per area, written with the events it publishes. */
export interface PublicationPort {
  loadAll(): Promise<Publication[]>;
  /** Saves each area's new row together with its events (one single-document write per area). */
  saveAll(writes: readonly { publication: Publication; events: OutboxEntry[] }[]): Promise<void>;
}

export const PUBLICATION_PORT = Symbol('PublicationPort');
