import { randomUUID } from 'node:crypto';
import { DedupRing } from './dedup-ring';

/** UUIDs that differ only in their first (timestamp) words share a table slot: probing and deletion get exercised. */
const colliding = (i: number) => `${i.toString(16).padStart(8, '0')}-0000-7000-8000-00000000abcd`;

/** The obvious implementation: a Map and a FIFO of the last `capacity` ids. */
class ReferenceRing {
  private readonly seen = new Map<string, number>();
  private readonly order: string[] = [];
  constructor(private readonly capacity: number) {}
  isRepublished(id: string, offset: number): boolean {
    const at = this.seen.get(id);
    if (at !== undefined) return at < offset;
    this.seen.set(id, offset);
    this.order.push(id);
    if (this.order.length > this.capacity) this.seen.delete(this.order.shift()!);
    return false;
  }
}

describe('DedupRing', () => {
  it('flags an event id seen at a smaller offset, not a redelivery of the same offset', () => {
    const [a, b, c, d] = [1, 2, 3, 4].map(colliding);
    const ring = new DedupRing(3);
    expect(ring.isRepublished(a, 1)).toBe(false);
    expect(ring.isRepublished(a, 1)).toBe(false);
    expect(ring.isRepublished(a, 5)).toBe(true);
    [b, c, d].forEach((id, i) => ring.isRepublished(id, 10 + i));
    expect(ring.isRepublished(a, 20)).toBe(false); // evicted: beyond the window
    expect(DedupRing.fromJSON(ring.toJSON(), 3).isRepublished(d, 30)).toBe(true);
  });

  it('decides exactly like a Map with a FIFO window, through collisions, evictions and a snapshot round trip', () => {
    let x = 42;
    const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pool = [
      ...Array.from({ length: 300 }, (_, i) => colliding(i)),
      ...Array.from({ length: 300 }, () => randomUUID()),
    ];
    let ring = new DedupRing(64);
    const reference = new ReferenceRing(64);
    let republished = 0;
    for (let offset = 0; offset < 20_000; offset++) {
      const id = pool[Math.floor(rand() * pool.length)];
      // Sometimes the same offset again (a redelivery), usually a new one.
      const at = rand() < 0.1 ? Math.max(0, offset - 1) : offset;
      const expected = reference.isRepublished(id, at);
      expect(ring.isRepublished(id, at)).toBe(expected);
      if (expected) republished++;
      if (offset % 5000 === 4999) ring = DedupRing.fromJSON(structuredClone(ring.toJSON()), 64);
    }
    expect(republished).toBeGreaterThan(100);
  });

  it('accepts upper-case hex and refuses what is not a UUID', () => {
    const ring = new DedupRing(4);
    const id = randomUUID();
    ring.isRepublished(id, 1);
    expect(ring.isRepublished(id.toUpperCase(), 2)).toBe(true);
    expect(() => ring.isRepublished('not-a-uuid', 3)).toThrow('not a UUID');
    expect(() => ring.isRepublished(`${id}0`, 3)).toThrow('not a UUID');
  });
});
