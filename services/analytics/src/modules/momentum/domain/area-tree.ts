import type { AreaRecord } from './activity';

/** An area as a snapshot stores it: id, level, parent id, names, seat class. */
export type AreaRow = [
  areaId: string,
  level: string,
  parentId: string | null,
  nameEn: string,
  nameHi: string | null,
  seatClass: string | null,
];

/**
 * The hierarchy as momentum needs it, built from org.area.* events. An area is *attached* once
 * its whole ancestor chain is known (org events of different areas may arrive in any order);
 * activity of an area that is not attached yet is parked by the state and applied on attach.
 */
export class AreaTree {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();
  readonly parent: number[] = [];
  readonly parentId: (string | null)[] = [];
  readonly level: string[] = [];
  readonly nameEn: string[] = [];
  readonly nameHi: (string | null)[] = [];
  readonly seatClass: (string | null)[] = [];
  readonly attached: boolean[] = [];
  readonly boothCount: number[] = [];
  readonly children: number[][] = [];
  /** Row of the area in the daily history buckets, or -1 for levels without history. */
  readonly historyRow: number[] = [];
  historyRows = 0;
  /** parentId → areas waiting for it to attach. */
  private readonly waiting = new Map<string, number[]>();
  /** Canonical strings of the few values levels and seat classes take. */
  private readonly values = new Map<string, string>();

  /**
   * @param stringSource A tree of the same areas whose strings this one reuses when equal: a replay builds a
   *   second tree beside the live one, and ids and names are most of a tree's memory. Cleared by the owner
   *   (`releaseStringSource`) when the source tree is dropped.
   */
  constructor(
    private readonly historyLevels: ReadonlySet<string>,
    private stringSource?: AreaTree,
  ) {}

  releaseStringSource(): void {
    this.stringSource = undefined;
  }

  /** `value`, or the source tree's equal string in `column` of its area `sourceIdx` (undefined: no such area). */
  private reuse<T extends string | null>(
    value: T,
    column: 'ids' | 'nameEn' | 'nameHi',
    sourceIdx: number | undefined,
  ): T {
    if (value === null || sourceIdx === undefined) return value;
    const theirs = this.stringSource![column][sourceIdx];
    return theirs === value ? (theirs as T) : value;
  }

  get count(): number {
    return this.ids.length;
  }

  /**
   * Adds an area (or refreshes its names and seat class). Returns the areas that became attached,
   * parents before children, so the caller can apply their parked activity.
   */
  upsert(area: AreaRecord): number[] {
    const known = this.index.get(area.areaId);
    const sourceIdx = this.stringSource?.index.get(area.areaId);
    if (known !== undefined) {
      this.nameEn[known] = this.reuse(area.nameEn, 'nameEn', sourceIdx);
      this.nameHi[known] = this.reuse(area.nameHi, 'nameHi', sourceIdx);
      this.seatClass[known] = area.seatClass === null ? null : this.shared(area.seatClass);
      return [];
    }
    const idx = this.ids.length;
    const areaId = this.reuse(area.areaId, 'ids', sourceIdx);
    this.ids.push(areaId);
    this.index.set(areaId, idx);
    this.parent.push(-1);
    // One string object per distinct value: each parsed event brings its own copies, ~180k of them at full scale.
    const knownParent = area.parentId === null ? undefined : this.index.get(area.parentId);
    const sourceParent =
      area.parentId === null || knownParent !== undefined
        ? undefined
        : this.stringSource?.index.get(area.parentId);
    this.parentId.push(
      knownParent !== undefined ? this.ids[knownParent] : this.reuse(area.parentId, 'ids', sourceParent),
    );
    this.level.push(this.shared(area.level));
    this.nameEn.push(this.reuse(area.nameEn, 'nameEn', sourceIdx));
    this.nameHi.push(this.reuse(area.nameHi, 'nameHi', sourceIdx));
    this.seatClass.push(area.seatClass === null ? null : this.shared(area.seatClass));
    this.attached.push(false);
    this.boothCount.push(0);
    this.children.push([]);
    this.historyRow.push(-1);
    const parent = area.parentId === null ? undefined : this.index.get(area.parentId);
    if (area.parentId !== null && (parent === undefined || !this.attached[parent])) {
      const waiting = this.waiting.get(area.parentId);
      if (waiting) waiting.push(idx);
      else this.waiting.set(area.parentId, [idx]);
      return [];
    }
    return this.attach(idx);
  }

  private attach(first: number): number[] {
    const done: number[] = [];
    const stack = [first];
    while (stack.length > 0) {
      const idx = stack.pop()!;
      const parentId = this.parentId[idx];
      const parent = parentId === null ? -1 : this.index.get(parentId)!;
      this.parent[idx] = parent;
      this.attached[idx] = true;
      if (parent >= 0) this.children[parent].push(idx);
      if (this.historyLevels.has(this.level[idx])) this.historyRow[idx] = this.historyRows++;
      if (this.level[idx] === 'booth') {
        for (let node = idx; node >= 0; node = this.parent[node]) this.boothCount[node]++;
      }
      done.push(idx);
      const waiting = this.waiting.get(this.ids[idx]);
      if (waiting) {
        this.waiting.delete(this.ids[idx]);
        stack.push(...waiting);
      }
    }
    return done;
  }

  private shared(value: string): string {
    const known = this.values.get(value);
    if (known !== undefined) return known;
    this.values.set(value, value);
    return value;
  }

  /** Moves an attached area and its subtree under another attached area: links, children and booth counts. */
  reattach(idx: number, newParent: number): void {
    const booths = this.boothCount[idx];
    const old = this.parent[idx];
    for (let node = old; node >= 0; node = this.parent[node]) this.boothCount[node] -= booths;
    if (old >= 0) this.children[old].splice(this.children[old].indexOf(idx), 1);
    this.parent[idx] = newParent;
    this.parentId[idx] = this.ids[newParent];
    this.children[newParent].push(idx);
    for (let node = newParent; node >= 0; node = this.parent[node]) this.boothCount[node] += booths;
  }

  /** Points an area that still waits for its parent at another parent; returns the areas that attached as a result. */
  rewait(idx: number, parentId: string): number[] {
    const before = this.parentId[idx];
    if (before !== null) {
      const waiting = this.waiting.get(before) ?? [];
      waiting.splice(waiting.indexOf(idx), 1);
      if (waiting.length === 0) this.waiting.delete(before);
    }
    this.parentId[idx] = parentId;
    const parent = this.index.get(parentId);
    if (parent !== undefined && this.attached[parent]) return this.attach(idx);
    const waiting = this.waiting.get(parentId);
    if (waiting) waiting.push(idx);
    else this.waiting.set(parentId, [idx]);
    return [];
  }

  /** True if `ancestor` is `idx` or one of its ancestors. */
  isWithin(idx: number, ancestor: number): boolean {
    for (let node = idx; node >= 0; node = this.parent[node]) if (node === ancestor) return true;
    return false;
  }

  /** The area and its ancestors, nearest first (attached areas only). */
  lineage(idx: number): number[] {
    const chain: number[] = [];
    for (let node = idx; node >= 0; node = this.parent[node]) chain.push(node);
    return chain;
  }

  /** Ancestor ids, root first, excluding the area. */
  ancestorIds(idx: number): string[] {
    return this.lineage(idx)
      .slice(1)
      .reverse()
      .map((i) => this.ids[i]);
  }

  /** Booths under the area (the area's size for expected levels); at least 1. */
  booths(idx: number): number {
    return Math.max(1, this.boothCount[idx]);
  }

  /** Attached descendants (excluding the area) at `level`, or all when level is undefined. */
  descendants(idx: number, level?: string): number[] {
    const found: number[] = [];
    const stack = [...this.children[idx]];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (level === undefined || this.level[node] === level) found.push(node);
      stack.push(...this.children[node]);
    }
    return found;
  }

  /**
   * Rows `from`…`to` (exclusive) in index order: what rebuilds the tree. Areas are only ever appended, so a row
   * count and a copy of the parent ids (moves change them) make a cut; names may be newer, which is harmless.
   */
  rows(from: number, to: number, parentIds: readonly (string | null)[] = this.parentId): AreaRow[] {
    const rows: AreaRow[] = [];
    for (let i = from; i < to; i++)
      rows.push([
        this.ids[i],
        this.level[i],
        parentIds[i],
        this.nameEn[i],
        this.nameHi[i],
        this.seatClass[i],
      ]);
    return rows;
  }

  /**
   * Rebuilds a tree by re-adding the rows in index order. History rows are restored as they were: after moves,
   * areas may attach in another order than they first did.
   */
  static fromRows(
    slices: Iterable<readonly AreaRow[]>,
    historyLevels: ReadonlySet<string>,
    historyRow?: Int32Array,
  ): AreaTree {
    const tree = new AreaTree(historyLevels);
    for (const rows of slices) {
      for (const [areaId, level, parentId, nameEn, nameHi, seatClass] of rows)
        tree.upsert({ areaId, level, parentId, nameEn, nameHi, seatClass });
    }
    if (historyRow) {
      historyRow.forEach((row, i) => (tree.historyRow[i] = row));
      tree.historyRows = historyRow.reduce((max, row) => Math.max(max, row + 1), 0);
    }
    return tree;
  }
}
