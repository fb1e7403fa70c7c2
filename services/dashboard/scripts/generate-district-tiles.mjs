// Generates web/src/map/up-district-tiles.json: UP's 75 districts (services/org/data/up/districts.csv, the
// same reference data org's generator imports) placed on a square tile grid, roughly where they lie.
// Each district's headquarters position (approximate latitude/longitude, one or two decimals) is scaled onto
// the grid; collisions go to the nearest free cell, most crowded districts first, so the map keeps UP's shape.
// Run: node services/dashboard/scripts/generate-district-tiles.mjs  (the output is checked in).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const dataDir = process.argv[2] ?? join(repoRoot, 'services', 'org', 'data', 'up');
const out = join(here, '..', 'web', 'src', 'map', 'up-district-tiles.json');

/** Approximate district headquarters [latitude, longitude]; only used to place tiles. */
const HQ = {
  agra: [27.18, 78.01],
  aligarh: [27.88, 78.08],
  'ambedkar-nagar': [26.43, 82.54],
  amethi: [26.15, 81.81],
  amroha: [28.9, 78.47],
  auraiya: [26.47, 79.51],
  ayodhya: [26.79, 82.2],
  azamgarh: [26.07, 83.18],
  baghpat: [28.94, 77.22],
  bahraich: [27.57, 81.6],
  ballia: [25.76, 84.15],
  balrampur: [27.43, 82.18],
  banda: [25.48, 80.33],
  barabanki: [26.93, 81.19],
  bareilly: [28.37, 79.43],
  basti: [26.8, 82.73],
  bhadohi: [25.4, 82.57],
  bijnor: [29.37, 78.14],
  budaun: [28.03, 79.13],
  bulandshahr: [28.41, 77.85],
  chandauli: [25.27, 83.27],
  chitrakoot: [25.2, 80.9],
  deoria: [26.5, 83.78],
  etah: [27.56, 78.66],
  etawah: [26.78, 79.02],
  farrukhabad: [27.39, 79.58],
  fatehpur: [25.93, 80.81],
  firozabad: [27.15, 78.4],
  'gautam-buddha-nagar': [28.47, 77.51],
  ghaziabad: [28.67, 77.44],
  ghazipur: [25.58, 83.58],
  gonda: [27.13, 81.96],
  gorakhpur: [26.76, 83.37],
  hamirpur: [25.95, 80.15],
  hapur: [28.73, 77.78],
  hardoi: [27.4, 80.13],
  hathras: [27.6, 78.05],
  jalaun: [25.99, 79.45],
  jaunpur: [25.75, 82.69],
  jhansi: [25.45, 78.57],
  kannauj: [27.06, 79.92],
  'kanpur-dehat': [26.41, 79.99],
  'kanpur-nagar': [26.45, 80.33],
  kasganj: [27.81, 78.65],
  kaushambi: [25.53, 81.38],
  kheri: [27.95, 80.78],
  'kushi-nagar': [26.74, 83.89],
  lalitpur: [24.69, 78.42],
  lucknow: [26.85, 80.95],
  maharajganj: [27.13, 83.56],
  mahoba: [25.29, 79.87],
  mainpuri: [27.23, 79.02],
  mathura: [27.49, 77.67],
  mau: [25.94, 83.56],
  meerut: [28.98, 77.71],
  mirzapur: [25.15, 82.57],
  moradabad: [28.84, 78.77],
  muzaffarnagar: [29.47, 77.7],
  pilibhit: [28.63, 79.8],
  pratapgarh: [25.9, 81.94],
  prayagraj: [25.44, 81.85],
  'rae-bareli': [26.23, 81.23],
  rampur: [28.8, 79.03],
  saharanpur: [29.96, 77.55],
  sambhal: [28.58, 78.57],
  'sant-kabeer-nagar': [26.77, 83.03],
  shahjahanpur: [27.88, 79.91],
  shamli: [29.45, 77.31],
  shravasti: [27.51, 82.0],
  'siddharth-nagar': [27.27, 83.07],
  sitapur: [27.57, 80.68],
  sonbhadra: [24.69, 83.07],
  sultanpur: [26.26, 82.07],
  unnao: [26.55, 80.49],
  varanasi: [25.32, 82.97],
};

const [header, ...lines] = readFileSync(join(dataDir, 'districts.csv'), 'utf8').trim().split('\n');
const columns = header.split(',');
const districts = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
if (districts.length !== 75) throw new Error(`expected 75 districts, found ${districts.length}`);
const missing = districts.filter((d) => !HQ[d.slug]).map((d) => d.slug);
if (missing.length) throw new Error(`no position for ${missing.join(', ')}`);

// The same codes org's generator gives (services/org/src/modules/generator/domain/up-generator.ts).
const code = (text) =>
  text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const CELL = 0.5; // degrees per tile
const lats = districts.map((d) => HQ[d.slug][0]);
const lons = districts.map((d) => HQ[d.slug][1]);
const [minLat, maxLat, minLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons)];
// Longitude degrees are shorter than latitude degrees at 27° N.
const xOf = (lon) => ((lon - minLon) * Math.cos((27 * Math.PI) / 180)) / CELL;
const yOf = (lat) => (maxLat - lat) / CELL;
const taken = new Map();
const crowd = (d) =>
  districts.filter((o) => Math.hypot(HQ[o.slug][0] - HQ[d.slug][0], HQ[o.slug][1] - HQ[d.slug][1]) < 0.8)
    .length;
const placed = [...districts]
  .sort((a, b) => crowd(b) - crowd(a) || a.slug.localeCompare(b.slug))
  .map((d) => {
    const [x, y] = [xOf(HQ[d.slug][1]), yOf(HQ[d.slug][0])];
    let best;
    for (let r = 0; !best; r++) {
      for (let row = Math.round(y) - r; row <= Math.round(y) + r; row++) {
        for (let col = Math.round(x) - r; col <= Math.round(x) + r; col++) {
          if (row < 0 || col < 0 || taken.has(`${col},${row}`)) continue;
          const distance = Math.hypot(col - x, row - y);
          if (!best || distance < best.distance) best = { col, row, distance };
        }
      }
    }
    taken.set(`${best.col},${best.row}`, d.slug);
    return { d, col: best.col, row: best.row };
  });

// Short labels for the tiles: three letters, unique.
const used = new Set();
const abbreviation = (name) => {
  const letters = name.toUpperCase().replace(/[^A-Z]/g, '');
  const words = name
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter(Boolean);
  const candidates = [
    words.length > 1
      ? words
          .map((w) => w[0])
          .join('')
          .slice(0, 3)
      : '',
    letters.slice(0, 3),
    letters[0] +
      letters
        .slice(1)
        .replace(/[AEIOU]/g, '')
        .slice(0, 2),
    ...[...letters.slice(2)].map((c) => letters.slice(0, 2) + c),
  ];
  const pick = candidates.find((c) => c.length === 3 && !used.has(c));
  used.add(pick);
  return pick;
};
const tiles = placed
  .sort((a, b) => a.row - b.row || a.col - b.col)
  .map(({ d, col, row }) => ({
    areaId: `UP-D-${code(d.slug)}`,
    zoneId: `UP-Z-${code(d.division)}`,
    slug: d.slug,
    nameEn: d.name_en,
    division: d.division,
    abbr: abbreviation(d.name_en),
    col,
    row,
  }));
const grid = {
  source:
    'services/org/data/up/districts.csv, placed by services/dashboard/scripts/generate-district-tiles.mjs',
  cols: Math.max(...tiles.map((t) => t.col)) + 1,
  rows: Math.max(...tiles.map((t) => t.row)) + 1,
  tiles,
};
writeFileSync(out, `${JSON.stringify(grid, null, 2)}\n`);
console.log(`${tiles.length} districts on a ${grid.cols} × ${grid.rows} grid → ${out}`);
for (let row = 0; row < grid.rows; row++) {
  let line = '';
  for (let col = 0; col < grid.cols; col++)
    line += (tiles.find((t) => t.col === col && t.row === row)?.abbr ?? ' . ') + ' ';
  console.log(line);
}
