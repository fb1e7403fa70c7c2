/**
 * Event ids recently applied from one partition, with their offsets. A message whose event id
 * was already applied at a *smaller* offset is a republication (the producer's outbox published it
 * twice) and is skipped; the same offset seen again is a redelivery, which offsets already handle.
 * Bounded: duplicates further apart than `capacity` messages of the partition are not caught
 * (the outbox republishes within seconds, or after a relay's 30 s lease: far inside this window at the
 * rates one source partition carries). 10,000 per partition keeps the guard for ~30 partitions near 40 MB;
 * 50,000 held every id of a 1.2-million-event full-scale run in memory.
 */
export class DedupRing {
  private readonly offsets = new Map<string, number>();
  /** Insertion order (ids and their offsets side by side): the eviction order, and a snapshot's cheap copy. */
  private ids: string[] = [];
  private idOffsets: number[] = [];
  private head = 0;

  constructor(private readonly capacity = 10_000) {}

  /** True if `eventId` was applied before at a smaller offset; otherwise records it. */
  isRepublished(eventId: string, offset: number): boolean {
    const seen = this.offsets.get(eventId);
    if (seen !== undefined) return seen < offset;
    this.offsets.set(eventId, offset);
    this.ids.push(eventId);
    this.idOffsets.push(offset);
    if (this.ids.length - this.head > this.capacity) {
      this.offsets.delete(this.ids[this.head]);
      this.head++;
      if (this.head > this.capacity) {
        this.ids = this.ids.slice(this.head);
        this.idOffsets = this.idOffsets.slice(this.head);
        this.head = 0;
      }
    }
    return false;
  }

  /** Two flat arrays (not pairs): copying and encoding 10,000 ids per partition stays cheap in a snapshot. */
  toJSON(): RingEntries {
    return { ids: this.ids.slice(this.head), offsets: this.idOffsets.slice(this.head) };
  }

  static fromJSON(entries: RingEntries, capacity?: number): DedupRing {
    const ring = new DedupRing(capacity);
    entries.ids.forEach((id, i) => ring.isRepublished(id, entries.offsets[i]));
    return ring;
  }
}

export type RingEntries = { ids: string[]; offsets: number[] };
