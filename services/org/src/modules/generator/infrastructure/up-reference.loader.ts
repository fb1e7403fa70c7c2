import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvToObjects } from '../../../common/csv';
import type { UpReference } from '../domain/up-generator';

/** Where the UP reference CSVs live: services/org/data/up (found from the source or the dist tree). */
export function upDataDir(): string {
  const candidates = [
    process.env.ORG_UP_DATA_DIR,
    join(__dirname, '..', '..', '..', '..', 'data', 'up'),
    join(__dirname, '..', '..', '..', '..', '..', '..', '..', 'services', 'org', 'data', 'up'),
    join(process.cwd(), 'services', 'org', 'data', 'up'),
  ].filter((p): p is string => !!p);
  for (const dir of candidates) {
    try {
      readFileSync(join(dir, 'districts.csv'));
      return dir;
    } catch {
      // try the next one
    }
  }
  throw new Error(`UP reference data not found (looked in ${candidates.join(', ')})`);
}

/** Reads the UP reference data; the file's own checks are in SOURCES.md, the counts are re-checked here. */
export function loadUpReference(dir = upDataDir()): UpReference {
  const read = (name: string) => csvToObjects(readFileSync(join(dir, name), 'utf8'));
  const districts = read('districts.csv').map((r) => ({
    slug: r.slug,
    nameEn: r.name_en,
    division: r.division,
  }));
  const lokSabha = read('lok_sabha.csv').map((r) => ({
    number: Number(r.number),
    nameEn: r.name_en,
    reserved: r.reserved,
  }));
  const assemblies = read('assembly.csv').map((r) => ({
    number: Number(r.number),
    nameEn: r.name_en,
    reserved: r.reserved,
    district: r.district,
    lokSabhaNumber: Number(r.lok_sabha_number),
  }));
  const results = new Map(
    read('lok_sabha_2024_results.csv').map((r) => [
      Number(r.number),
      {
        winnerParty: r.winner_party,
        winnerVotes: Number(r.winner_votes),
        runnerUpParty: r.runner_up_party,
        runnerUpVotes: Number(r.runner_up_votes),
        margin: Number(r.margin),
      },
    ]),
  );
  if (districts.length !== 75 || lokSabha.length !== 80 || assemblies.length !== 403 || results.size !== 80) {
    throw new Error(
      `UP reference data is incomplete: ${districts.length} districts, ${lokSabha.length} LS, ${assemblies.length} AC, ${results.size} results`,
    );
  }
  return { districts, lokSabha, assemblies, results };
}
