import type { Activity, AreaRecord } from './activity';
import { AreaTree, type AreaRow } from './area-tree';
import { dayEnd, dayOf, toReference } from './decay';
import { BOOTH_STATES, BUCKET, FLOWS, SLOT, TREND_FLOWS, type MomentumFormula } from './momentum-formula';

const NB = BOOTH_STATES.length;
/** Short and long half-life slots by main slot, -1 for flows without a trend. */
const TREND_SLOTS = (() => {
  const short = FLOWS.map(() => -1);
  const long = FLOWS.map(() => -1);
  for (const flow of TREND_FLOWS) {
    short[SLOT.main[flow]] = SLOT.short[flow];
    long[SLOT.main[flow]] = SLOT.long[flow];
  }
  return { short, long };
})();

/**
 * Per-area accumulators of the whole hierarchy, in flat typed arrays (a full-scale org of ~180k
 * areas is ~20 MB). Every operation is order-independent: flows are decayed sums stored at the
 * formula's reference instant, booth states are last-writer-wins by event time with a commutative
 * tie-break, and parked activity of unknown areas lands exactly where it would have landed had
 * the area been known.
 */
export class MomentumState {
  readonly tree: AreaTree;
  acc: Float64Array;
  /** Per area: event time of the booth state held, and the values (last writer by time wins). */
  private boothAt: Float64Array;
  private boothVal: Float64Array;
  /** UTC day → history rows × BUCKET.stride (flows stored at the day's end; booth-state deltas). */
  readonly buckets = new Map<number, Float64Array>();
  /** Activities of areas not attached yet, by area id. */
  readonly parked = new Map<string, Activity[]>();
  /** Moves waiting for their new parent to attach: area index → new parent id. */
  private readonly pendingMoves = new Map<number, string>();
  private parkedTotal = 0;
  private readonly h: MomentumFormula['halfLifeDays'];

  constructor(
    readonly formula: MomentumFormula,
    tree?: AreaTree,
  ) {
    this.tree = tree ?? new AreaTree(new Set(formula.historyLevels));
    this.h = formula.halfLifeDays;
    const capacity = Math.max(1024, this.tree.count);
    this.acc = new Float64Array(capacity * SLOT.stride);
    this.boothAt = new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY);
    this.boothVal = new Float64Array(capacity * NB);
  }

  get parkedCount(): number {
    return this.parkedTotal;
  }

  /** Adds an area, refreshes its names and seat class, or moves it when its parent changed (org.area.moved). */
  addArea(area: AreaRecord): void {
    const known = this.tree.index.get(area.areaId);
    if (
      known !== undefined &&
      area.parentId !== null &&
      area.parentId !== (this.pendingMoves.get(known) ?? this.tree.parentId[known])
    ) {
      this.move(known, area.parentId);
    }
    this.onAttached(this.tree.upsert(area));
  }

  private onAttached(attached: number[]): void {
    if (attached.length === 0) return;
    this.ensureCapacity(this.tree.count);
    for (const idx of attached) {
      const parked = this.parked.get(this.tree.ids[idx]);
      if (parked) {
        this.parked.delete(this.tree.ids[idx]);
        this.parkedTotal -= parked.length;
        for (const activity of parked) this.applyAttached(idx, activity);
      }
      for (const [moving, parentId] of this.pendingMoves)
        if (parentId === this.tree.ids[idx]) this.move(moving, parentId);
    }
  }

  /**
   * Moves an area and its subtree to another parent: its accumulators leave the old ancestors and join the new
   * ones, so the result does not depend on whether an activity arrived before or after the move. A move under an
   * area not attached yet waits for it. Daily history moves with the area when the area has history rows of
   * its own (mandal and above); a booth's or sector's past days stay with the old ancestors (docs/momentum.md).
   */
  private move(idx: number, parentId: string): void {
    this.pendingMoves.delete(idx);
    if (!this.tree.attached[idx]) {
      this.onAttached(this.tree.rewait(idx, parentId));
      return;
    }
    if (parentId === this.tree.parentId[idx]) return; // moved back before its pending move happened
    const target = this.tree.index.get(parentId);
    if (target === undefined || !this.tree.attached[target]) {
      this.pendingMoves.set(idx, parentId);
      return;
    }
    if (this.tree.isWithin(target, idx)) return; // into its own subtree: org refuses these, and so do we
    const { parent, historyRow } = this.tree;
    const from = parent[idx];
    const shift = (
      values: Float64Array,
      width: number,
      row: (node: number) => number,
      column: number,
      value: number,
    ) => {
      for (let node = from; node >= 0; node = parent[node])
        if (row(node) >= 0) values[row(node) * width + column] -= value;
      for (let node = target; node >= 0; node = parent[node])
        if (row(node) >= 0) values[row(node) * width + column] += value;
    };
    const self = (node: number) => node;
    for (let s = 0; s < SLOT.stride; s++) {
      const value = this.acc[idx * SLOT.stride + s];
      if (value !== 0) shift(this.acc, SLOT.stride, self, s, value);
    }
    const row = historyRow[idx];
    if (row >= 0) {
      for (const day of [...this.buckets.keys()]) {
        const bucket = this.bucket(day);
        for (let c = 0; c < BUCKET.stride; c++) {
          const value = bucket[row * BUCKET.stride + c];
          if (value !== 0) shift(bucket, BUCKET.stride, (node) => historyRow[node], c, value);
        }
      }
    }
    this.tree.reattach(idx, target);
  }

  apply(activity: Activity): void {
    const idx = this.tree.index.get(activity.areaId);
    if (idx === undefined || !this.tree.attached[idx]) {
      const list = this.parked.get(activity.areaId);
      if (list) list.push(activity);
      else this.parked.set(activity.areaId, [activity]);
      this.parkedTotal++;
      return;
    }
    this.applyAttached(idx, activity);
  }

  /** Stored (reference-instant) value of a slot. */
  slot(idx: number, slot: number): number {
    return this.acc[idx * SLOT.stride + slot];
  }

  private applyAttached(idx: number, activity: Activity): void {
    const { epochMs } = this.formula;
    const day = dayOf(activity.at);
    const { parent, historyRow } = this.tree;
    const acc = this.acc;
    if (activity.flows) {
      const fMain = toReference(activity.at, epochMs, this.h.main);
      const fShort = toReference(activity.at, epochMs, this.h.short);
      const fLong = toReference(activity.at, epochMs, this.h.long);
      const fDay = toReference(activity.at, dayEnd(day), this.h.main);
      let bucket: Float64Array | undefined;
      for (const flow of FLOWS) {
        const value = activity.flows[flow];
        if (!value) continue;
        const main = SLOT.main[flow];
        const short = TREND_SLOTS.short[main];
        const long = TREND_SLOTS.long[main];
        const column = BUCKET.flow[flow];
        // The area and every ancestor (cost ∝ depth): walked in place, no lineage array per activity.
        for (let node = idx; node >= 0; node = parent[node]) {
          const base = node * SLOT.stride;
          acc[base + main] += value * fMain;
          if (short >= 0) {
            acc[base + short] += value * fShort;
            acc[base + long] += value * fLong;
          }
          const row = historyRow[node];
          if (row >= 0) {
            bucket ??= this.bucket(day);
            bucket[row * BUCKET.stride + column] += value * fDay;
          }
        }
      }
    }
    if (activity.booth) this.applyBoothState(idx, this.tree.lineage(idx), activity, day);
  }

  private applyBoothState(idx: number, lineage: number[], activity: Activity, day: number): void {
    const held = this.boothAt[idx];
    if (activity.at < held) return;
    const tie = activity.at === held;
    let bucket: Float64Array | undefined;
    BOOTH_STATES.forEach((state, s) => {
      const next = activity.booth![state];
      if (next === undefined) return;
      const current = this.boothVal[idx * NB + s];
      // Same instant: the larger value wins, whatever order the two events came in.
      const value = tie ? Math.max(current, next) : next;
      const delta = value - current;
      if (delta === 0) return;
      this.boothVal[idx * NB + s] = value;
      for (const node of lineage) {
        this.acc[node * SLOT.stride + SLOT.state[state]] += delta;
        const row = this.tree.historyRow[node];
        if (row >= 0) {
          bucket ??= this.bucket(day);
          bucket[row * BUCKET.stride + BUCKET.state[state]] += delta;
        }
      }
    });
    this.boothAt[idx] = activity.at;
  }

  private bucket(day: number): Float64Array {
    let bucket = this.buckets.get(day);
    const needed = this.tree.historyRows * BUCKET.stride;
    if (!bucket || bucket.length < needed) {
      const grown = new Float64Array(Math.max(needed, 64 * BUCKET.stride) * (bucket ? 2 : 1));
      if (bucket) grown.set(bucket);
      bucket = grown;
      this.buckets.set(day, bucket);
    }
    return bucket;
  }

  private ensureCapacity(areas: number): void {
    const capacity = this.boothAt.length;
    if (areas <= capacity) return;
    // ×1.25, not ×2: at full scale (~180k areas) doubling leaves up to 100k areas' worth of slack in every array.
    const next = Math.max(areas, Math.ceil(capacity * 1.25));
    const acc = new Float64Array(next * SLOT.stride);
    acc.set(this.acc);
    this.acc = acc;
    const boothAt = new Float64Array(next).fill(Number.NEGATIVE_INFINITY);
    boothAt.set(this.boothAt);
    this.boothAt = boothAt;
    const boothVal = new Float64Array(next * NB);
    boothVal.set(this.boothVal);
    this.boothVal = boothVal;
  }

  /**
   * A consistent cut for a snapshot, taken at once and cheaply: copies of the accumulators (typed-array copies)
   * and of what else later events change. Areas are only appended, so the first `areas` rows with a copy of
   * their parent ids stand for the tree and can be encoded afterwards (a name or seat class refreshed meanwhile
   * is re-applied by the journal anyway). `copy: false` takes views instead, for a state nothing changes while
   * the snapshot is written (switch-over, shutdown): at full scale that saves ~40 MB at the moment two states live.
   */
  cut(copy = true): StateCut {
    const n = this.tree.count;
    const take = (array: Float64Array, length: number) =>
      copy ? array.slice(0, length) : array.subarray(0, length);
    return {
      areas: n,
      parentIds: copy ? this.tree.parentId.slice(0, n) : this.tree.parentId,
      body: {
        historyRow: Int32Array.from(this.tree.historyRow.slice(0, n)),
        pendingMoves: [...this.pendingMoves],
        acc: take(this.acc, n * SLOT.stride),
        boothAt: take(this.boothAt, n),
        boothVal: take(this.boothVal, n * NB),
        buckets: [...this.buckets].map(([day, b]) => [day, take(b, this.tree.historyRows * BUCKET.stride)]),
        parked: [...this.parked].map(([areaId, list]) => [areaId, copy ? list.slice() : list]),
      },
    };
  }

  /** Rebuilds a state exactly from the tree rows and the body of a cut. */
  static restore(
    formula: MomentumFormula,
    treeRows: Iterable<readonly AreaRow[]>,
    body: StateCut['body'],
  ): MomentumState {
    const state = new MomentumState(
      formula,
      AreaTree.fromRows(treeRows, new Set(formula.historyLevels), body.historyRow),
    );
    for (const [idx, parentId] of body.pendingMoves) state.pendingMoves.set(idx, parentId);
    state.acc.set(body.acc);
    state.boothAt.set(body.boothAt);
    state.boothVal.set(body.boothVal);
    for (const [day, bucket] of body.buckets) state.buckets.set(day, bucket);
    for (const [areaId, list] of body.parked) {
      state.parked.set(areaId, list);
      state.parkedTotal += list.length;
    }
    return state;
  }
}

export type StateCut = {
  /** Tree rows 0…areas-1 belong to the cut, with these parent ids (`tree.rows(from, to, parentIds)`). */
  areas: number;
  parentIds: (string | null)[];
  body: {
    historyRow: Int32Array;
    pendingMoves: [number, string][];
    acc: Float64Array;
    boothAt: Float64Array;
    boothVal: Float64Array;
    buckets: [number, Float64Array][];
    parked: [string, Activity[]][];
  };
};
