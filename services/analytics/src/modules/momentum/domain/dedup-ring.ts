/**
 * Event ids recently applied from one partition, with their offsets. A message whose event id
 * was already applied at a *smaller* offset is a republication (the producer's outbox published it
 * twice) and is skipped; the same offset seen again is a redelivery, which offsets already handle.
 * Bounded: duplicates further apart than `capacity` messages of the partition are not caught
 * (the outbox republishes within seconds, or after a relay's 30 s lease: far inside this window at the
 * rates one source partition carries).
 *
 * Compact: an id (a UUID, as the envelope schema guarantees) is kept as its 128 bits in a typed-array ring,
 * found through an open-addressing table. ~40 bytes per id instead of ~120 for a string in a Map: 10,000
 * per partition over ~40 partitions is ~16 MB per state, and a replay holds two states.
 */
export class DedupRing {
  /** Ring of ids (4 words each) and their offsets, oldest at `start`. */
  private readonly words: Uint32Array;
  private readonly offsets: Float64Array;
  /** Linear-probing table: ring position of the id hashed there, or -1. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private start = 0;
  private size = 0;
  private readonly key = new Uint32Array(4);

  constructor(private readonly capacity = 10_000) {
    this.words = new Uint32Array(capacity * 4);
    this.offsets = new Float64Array(capacity);
    let tableSize = 16;
    while (tableSize < capacity * 2) tableSize *= 2;
    this.table = new Int32Array(tableSize).fill(-1);
    this.mask = tableSize - 1;
  }

  /** True if `eventId` was applied before at a smaller offset; otherwise records it. */
  isRepublished(eventId: string, offset: number): boolean {
    parseUuid(eventId, this.key);
    return this.record(this.key, offset);
  }

  /** Ids and offsets, oldest first (typed arrays: a snapshot copies and encodes them cheaply). */
  toJSON(): RingEntries {
    // The ring is at most two contiguous runs: start…end of the arrays, then 0….
    const first = Math.min(this.size, this.capacity - this.start);
    const words = new Uint32Array(this.size * 4);
    const offsets = new Float64Array(this.size);
    words.set(this.words.subarray(this.start * 4, (this.start + first) * 4));
    words.set(this.words.subarray(0, (this.size - first) * 4), first * 4);
    offsets.set(this.offsets.subarray(this.start, this.start + first));
    offsets.set(this.offsets.subarray(0, this.size - first), first);
    return { words, offsets };
  }

  static fromJSON(entries: RingEntries, capacity?: number): DedupRing {
    const ring = new DedupRing(capacity);
    for (let i = 0; i < entries.offsets.length; i++)
      ring.record(entries.words.subarray(i * 4, i * 4 + 4), entries.offsets[i]);
    return ring;
  }

  private record(key: Uint32Array, offset: number): boolean {
    const found = this.find(key);
    if (found >= 0) return this.offsets[found] < offset;
    if (this.size === this.capacity) {
      this.unlink(this.start);
      this.start = (this.start + 1) % this.capacity;
      this.size--;
    }
    const pos = (this.start + this.size) % this.capacity;
    this.words.set(key, pos * 4);
    this.offsets[pos] = offset;
    let slot = this.slotOf(key);
    while (this.table[slot] !== -1) slot = (slot + 1) & this.mask;
    this.table[slot] = pos;
    this.size++;
    return false;
  }

  /** The random low bits of a UUIDv7 (its high bits are a timestamp shared by neighbours), mixed. */
  private slotOf(key: ArrayLike<number>): number {
    return (Math.imul(key[3] ^ Math.imul(key[2], 0x85ebca6b), 0x9e3779b1) >>> 0) & this.mask;
  }

  private sameAt(pos: number, key: ArrayLike<number>): boolean {
    const base = pos * 4;
    return (
      this.words[base] === key[0] &&
      this.words[base + 1] === key[1] &&
      this.words[base + 2] === key[2] &&
      this.words[base + 3] === key[3]
    );
  }

  private find(key: ArrayLike<number>): number {
    for (let slot = this.slotOf(key); this.table[slot] !== -1; slot = (slot + 1) & this.mask) {
      if (this.sameAt(this.table[slot], key)) return this.table[slot];
    }
    return -1;
  }

  /** Removes ring position `pos` from the table, shifting later entries of its probe run back (no tombstones). */
  private unlink(pos: number): void {
    let hole = this.slotOf(this.words.subarray(pos * 4, pos * 4 + 4));
    while (this.table[hole] !== pos) hole = (hole + 1) & this.mask;
    this.table[hole] = -1;
    for (let next = (hole + 1) & this.mask; this.table[next] !== -1; next = (next + 1) & this.mask) {
      const home = this.slotOf(this.words.subarray(this.table[next] * 4, this.table[next] * 4 + 4));
      // The entry at `next` may fill the hole if its home slot is not between the hole and itself.
      if (((next - home) & this.mask) >= ((next - hole) & this.mask)) {
        this.table[hole] = this.table[next];
        this.table[next] = -1;
        hole = next;
      }
    }
  }
}

export type RingEntries = { words: Uint32Array; offsets: Float64Array };

/** The 32 hex digits of a UUID into four 32-bit words; anything else is refused (the envelope schema checked it). */
function parseUuid(id: string, into: Uint32Array): void {
  let digits = 0;
  let word = 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c === 45) continue; // '-'
    const nibble =
      c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (nibble < 0 || digits === 32) throw new Error(`event id ${id} is not a UUID`);
    word = word * 16 + nibble;
    if (++digits % 8 === 0) {
      into[digits / 8 - 1] = word;
      word = 0;
    }
  }
  if (digits !== 32) throw new Error(`event id ${id} is not a UUID`);
}
