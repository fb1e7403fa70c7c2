import type { AreaRecord } from './activity';
import { AreaTree } from './area-tree';

const HISTORY = new Set(['state', 'district']);

const areas: AreaRecord[] = [
  {
    areaId: 'UP',
    level: 'state',
    parentId: null,
    nameEn: 'Uttar Pradesh',
    nameHi: 'उत्तर प्रदेश',
    seatClass: null,
  },
  { areaId: 'UP-D1', level: 'district', parentId: 'UP', nameEn: 'Lucknow', nameHi: 'लखनऊ', seatClass: null },
  { areaId: 'UP-D1-B1', level: 'booth', parentId: 'UP-D1', nameEn: 'Booth 1', nameHi: null, seatClass: null },
  {
    areaId: 'UP-D1-B2',
    level: 'booth',
    parentId: 'UP-D1',
    nameEn: 'Booth 2',
    nameHi: 'बूथ २',
    seatClass: null,
  },
];

/** Fresh string objects with the same contents, as every parsed event brings. */
const copy = (area: AreaRecord): AreaRecord => JSON.parse(JSON.stringify(area)) as AreaRecord;

function rowsOf(tree: AreaTree) {
  return tree.rows(0, tree.count);
}

describe('AreaTree built beside another (a replay beside the live tree)', () => {
  it('builds the same tree with or without a string source, whatever the arrival order', () => {
    const live = new AreaTree(HISTORY);
    for (const area of areas) live.upsert(area);
    const alone = new AreaTree(HISTORY);
    const beside = new AreaTree(HISTORY, live);
    // Children first: they wait for their parents, whose ids then come from the source tree.
    for (const area of [...areas].reverse()) {
      alone.upsert(copy(area));
      beside.upsert(copy(area));
    }
    expect(rowsOf(beside)).toEqual(rowsOf(alone));
    expect(beside.boothCount).toEqual(alone.boothCount);
    expect(
      beside
        .descendants(beside.index.get('UP')!, 'booth')
        .map((i) => beside.ids[i])
        .sort(),
    ).toEqual(['UP-D1-B1', 'UP-D1-B2']);
  });

  it('keeps its own values where they differ from the source, and areas the source does not have', () => {
    const live = new AreaTree(HISTORY);
    for (const area of areas) live.upsert(area);
    const beside = new AreaTree(HISTORY, live);
    for (const area of areas)
      beside.upsert({ ...copy(area), nameEn: area.areaId === 'UP-D1' ? 'Lucknow (renamed)' : area.nameEn });
    beside.upsert({
      areaId: 'UP-D1-B3',
      level: 'booth',
      parentId: 'UP-D1',
      nameEn: 'Booth 3',
      nameHi: 'बूथ ३',
      seatClass: null,
    });
    expect(beside.nameEn[beside.index.get('UP-D1')!]).toBe('Lucknow (renamed)');
    expect(live.nameEn[live.index.get('UP-D1')!]).toBe('Lucknow');
    expect(beside.nameHi[beside.index.get('UP-D1-B3')!]).toBe('बूथ ३');
    expect(beside.boothCount[beside.index.get('UP')!]).toBe(3);
    expect(live.count).toBe(4); // the source is only read
  });

  it('goes on adding areas after the source is released', () => {
    const live = new AreaTree(HISTORY);
    for (const area of areas) live.upsert(area);
    const beside = new AreaTree(HISTORY, live);
    for (const area of areas.slice(0, 2)) beside.upsert(copy(area));
    beside.releaseStringSource();
    for (const area of areas.slice(2)) beside.upsert(copy(area));
    expect(rowsOf(beside)).toEqual(rowsOf(live));
  });
});
