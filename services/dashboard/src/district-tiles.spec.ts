import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The codes org gives its districts and zones; the tile map must name the same areas.
import { districtCode, zoneCode } from '../../org/src/modules/generator/domain/up-generator';
import { loadUpReference } from '../../org/src/modules/generator/infrastructure/up-reference.loader';

type Grid = {
  cols: number;
  rows: number;
  tiles: { areaId: string; zoneId: string; slug: string; abbr: string; col: number; row: number }[];
};
const grid = JSON.parse(
  readFileSync(join(__dirname, '..', 'web', 'src', 'map', 'up-district-tiles.json'), 'utf8'),
) as Grid;

describe('the generated district tile grid', () => {
  const reference = loadUpReference();

  it('has one tile per UP district with the codes org uses, and nothing else', () => {
    expect(grid.tiles.map((t) => t.areaId).sort()).toEqual(
      reference.districts.map((d) => districtCode(d.slug)).sort(),
    );
    for (const tile of grid.tiles) {
      const district = reference.districts.find((d) => d.slug === tile.slug)!;
      expect(tile.zoneId).toBe(zoneCode(district.division));
    }
  });

  it('puts every tile in its own cell inside the grid, with a unique three-letter label', () => {
    const cells = new Set(grid.tiles.map((t) => `${t.col},${t.row}`));
    expect(cells.size).toBe(75);
    for (const t of grid.tiles) {
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(grid.cols);
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(grid.rows);
    }
    expect(new Set(grid.tiles.map((t) => t.abbr)).size).toBe(75);
    expect(grid.tiles.every((t) => /^[A-Z]{3}$/.test(t.abbr))).toBe(true);
  });

  it('keeps the map roughly geographic: Saharanpur north-west of Varanasi, Sonbhadra south-east of Agra', () => {
    const at = (slug: string) => grid.tiles.find((t) => t.slug === slug)!;
    expect(at('saharanpur').row).toBeLessThan(at('varanasi').row);
    expect(at('saharanpur').col).toBeLessThan(at('varanasi').col);
    expect(at('sonbhadra').row).toBeGreaterThan(at('agra').row);
    expect(at('sonbhadra').col).toBeGreaterThan(at('agra').col);
  });
});
