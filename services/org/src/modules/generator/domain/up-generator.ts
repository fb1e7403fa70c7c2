import type { AreaLevel, MemberKind, SeatClass } from '@sangathan/contracts';
import { classifySeat, type SeatResult } from './seat-class';

/** Uttar Pradesh reference data (services/org/data/up, see SOURCES.md there). */
export type UpReference = {
  districts: { slug: string; nameEn: string; division: string }[];
  lokSabha: { number: number; nameEn: string; reserved: string }[];
  assemblies: {
    number: number;
    nameEn: string;
    reserved: string;
    district: string;
    lokSabhaNumber: number;
  }[];
  results: Map<number, SeatResult>;
};

/** One area as the import accepts it. */
export type AreaImportRow = {
  code: string;
  level: AreaLevel;
  parentId: string | null;
  nameEn: string;
  nameHi: string | null;
  seatClass?: SeatClass | null;
  lastMargin?: number | null;
  lokSabhaId?: string | null;
  boothCount?: number | null;
  voterCount?: number | null;
  beneficiaryCount?: number | null;
  socialComposition?: Record<string, number> | null;
};

/** One member as the import accepts it. */
export type MemberImportRow = {
  phone: string;
  name: string;
  nameAlt: string | null;
  kind: MemberKind;
  areaId: string;
};

export type GeneratorOptions = {
  /** Party whose seat classes are computed (the 2024 winner's name as ECI writes it). */
  party: string;
  mandalsPerAssembly: number;
  sectorsPerMandal: number;
  boothsPerSector: number;
  membersPerBooth: number;
  /** Seed of the pseudo-random numbers: the same options give the same data. */
  seed: number;
  /** Generate mandals and below only for assemblies of these districts (slugs); all when absent. */
  districts?: string[];
};

/** `npm start` demo: the whole real upper tree and 2 booths per assembly seat (806 booths, ~1.6k members). */
export const SMALL: GeneratorOptions = {
  party: 'Bharatiya Janata Party',
  mandalsPerAssembly: 1,
  sectorsPerMandal: 1,
  boothsPerSector: 2,
  membersPerBooth: 2,
  seed: 42,
};
/** Benchmarks: 403 × 8 × 5 × 10 = 161,200 booths and 5 members each (806,000), about UP's real size. */
export const FULL: GeneratorOptions = {
  party: 'Bharatiya Janata Party',
  mandalsPerAssembly: 8,
  sectorsPerMandal: 5,
  boothsPerSector: 10,
  membersPerBooth: 5,
  seed: 42,
};

export const STATE_CODE = 'UP';
export const NATIONAL_CODE = 'IN';

const slugCode = (text: string): string =>
  text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
export const zoneCode = (division: string): string => `UP-Z-${slugCode(division)}`;
export const districtCode = (slug: string): string => `UP-D-${slugCode(slug)}`;
export const lokSabhaCode = (n: number): string => `UP-LS-${String(n).padStart(2, '0')}`;
export const assemblyCode = (n: number): string => `UP-AC-${String(n).padStart(3, '0')}`;

/** Mulberry32: tiny, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Synthetic names only (never a real district or seat): place names built from common syllables,
// and people's names from common given names and surnames, each in Latin and Devanagari.
const PLACE_HEADS: [string, string][] = [
  ['Ram', 'राम'],
  ['Shiv', 'शिव'],
  ['Krishna', 'कृष्ण'],
  ['Lakshman', 'लक्ष्मण'],
  ['Sita', 'सीता'],
  ['Hari', 'हरि'],
  ['Chandra', 'चंद्र'],
  ['Surya', 'सूर्य'],
  ['Ganga', 'गंगा'],
  ['Madho', 'माधो'],
  ['Bhawani', 'भवानी'],
  ['Kishan', 'किशन'],
  ['Dev', 'देव'],
  ['Anand', 'आनंद'],
  ['Sultan', 'सुल्तान'],
  ['Amar', 'अमर'],
  ['Nand', 'नंद'],
  ['Gopal', 'गोपाल'],
];
const PLACE_TAILS: [string, string][] = [
  ['pur', 'पुर'],
  ['nagar', 'नगर'],
  ['ganj', 'गंज'],
  ['garh', 'गढ़'],
  ['abad', 'आबाद'],
  ['khera', 'खेड़ा'],
  ['gaon', 'गांव'],
  ['pura', 'पुरा'],
  ['patti', 'पट्टी'],
  ['dih', 'डीह'],
];
const GIVEN: [string, string][] = [
  ['Ramesh', 'रमेश'],
  ['Suresh', 'सुरेश'],
  ['Sunita', 'सुनीता'],
  ['Anita', 'अनीता'],
  ['Rajesh', 'राजेश'],
  ['Pooja', 'पूजा'],
  ['Vikas', 'विकास'],
  ['Neha', 'नेहा'],
  ['Amit', 'अमित'],
  ['Priya', 'प्रिया'],
  ['Manoj', 'मनोज'],
  ['Kavita', 'कविता'],
  ['Arvind', 'अरविंद'],
  ['Rekha', 'रेखा'],
  ['Santosh', 'संतोष'],
  ['Geeta', 'गीता'],
  ['Dinesh', 'दिनेश'],
  ['Meena', 'मीना'],
  ['Rahul', 'राहुल'],
  ['Shalini', 'शालिनी'],
  ['Ajay', 'अजय'],
  ['Savitri', 'सावित्री'],
  ['Mohd. Irfan', 'मो. इरफ़ान'],
  ['Farzana', 'फ़रज़ाना'],
];
const FAMILY: [string, string][] = [
  ['Yadav', 'यादव'],
  ['Verma', 'वर्मा'],
  ['Maurya', 'मौर्य'],
  ['Singh', 'सिंह'],
  ['Gupta', 'गुप्ता'],
  ['Pal', 'पाल'],
  ['Kumar', 'कुमार'],
  ['Shukla', 'शुक्ला'],
  ['Nishad', 'निषाद'],
  ['Patel', 'पटेल'],
  ['Saroj', 'सरोज'],
  ['Khan', 'ख़ान'],
  ['Tiwari', 'तिवारी'],
  ['Rajbhar', 'राजभर'],
  ['Kushwaha', 'कुशवाहा'],
  ['Ansari', 'अंसारी'],
];
const SOCIAL_GROUPS = ['general', 'obc', 'sc', 'st', 'other'] as const;
const KINDS: MemberKind[] = ['worker', 'volunteer', 'volunteer', 'worker', 'volunteer'];

/**
 * Builds the Uttar Pradesh organisation: the real 18 divisions (zones), 75 districts, 80 Lok Sabha
 * and 403 assembly seats with their cross-links and 2024 seat classes, then synthetic mandals,
 * sectors, booths (with booth-level aggregates only) and members at the chosen scale.
 * Rows come parents first, ready for the import.
 */
export function generateUp(
  ref: UpReference,
  options: GeneratorOptions,
): { areas: AreaImportRow[]; members: MemberImportRow[] } {
  const rand = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const areas: AreaImportRow[] = [
    { code: NATIONAL_CODE, level: 'national', parentId: null, nameEn: 'India', nameHi: 'भारत' },
    {
      code: STATE_CODE,
      level: 'state',
      parentId: NATIONAL_CODE,
      nameEn: 'Uttar Pradesh',
      nameHi: 'उत्तर प्रदेश',
    },
  ];
  const members: MemberImportRow[] = [];

  const divisions = [...new Set(ref.districts.map((d) => d.division))].sort();
  for (const division of divisions)
    areas.push({
      code: zoneCode(division),
      level: 'zone',
      parentId: STATE_CODE,
      nameEn: `${division} division`,
      nameHi: null,
    });
  const districtByName = new Map(ref.districts.map((d) => [d.nameEn, d]));
  for (const d of ref.districts)
    areas.push({
      code: districtCode(d.slug),
      level: 'district',
      parentId: zoneCode(d.division),
      nameEn: d.nameEn,
      nameHi: null,
    });

  const seatClassOf = new Map<number, { seatClass: SeatClass; lastMargin: number | null }>();
  for (const ls of ref.lokSabha) {
    const result = ref.results.get(ls.number);
    const cls = result ? classifySeat(result, options.party) : { seatClass: null, lastMargin: null };
    if (cls.seatClass) seatClassOf.set(ls.number, cls as { seatClass: SeatClass; lastMargin: number | null });
    areas.push({
      code: lokSabhaCode(ls.number),
      level: 'lok-sabha',
      parentId: STATE_CODE,
      nameEn: ls.nameEn,
      nameHi: null,
      seatClass: cls.seatClass,
      lastMargin: cls.lastMargin,
    });
  }

  const only = options.districts ? new Set(options.districts) : null;
  let phone = 0;
  for (const ac of ref.assemblies) {
    const district = districtByName.get(ac.district);
    if (!district) throw new Error(`assembly ${ac.number} names unknown district ${ac.district}`);
    const acCode = assemblyCode(ac.number);
    const lsCode = lokSabhaCode(ac.lokSabhaNumber);
    const expand = !only || only.has(district.slug);
    const boothCount = expand
      ? options.mandalsPerAssembly * options.sectorsPerMandal * options.boothsPerSector
      : 0;
    // An assembly seat has no result of its own in the data: it carries its Lok Sabha seat's class, without a margin.
    areas.push({
      code: acCode,
      level: 'assembly',
      parentId: districtCode(district.slug),
      nameEn: ac.nameEn,
      nameHi: null,
      seatClass: seatClassOf.get(ac.lokSabhaNumber)?.seatClass ?? null,
      lokSabhaId: lsCode,
      boothCount,
    });
    if (!expand) continue;
    let boothNumber = 0;
    for (let m = 1; m <= options.mandalsPerAssembly; m++) {
      const mandalCode = `${acCode}-M${String(m).padStart(2, '0')}`;
      const [headEn, headHi] = pick(PLACE_HEADS);
      const [tailEn, tailHi] = pick(PLACE_TAILS);
      areas.push({
        code: mandalCode,
        level: 'mandal',
        parentId: acCode,
        nameEn: `${headEn}${tailEn} Mandal`,
        nameHi: `${headHi}${tailHi} मंडल`,
      });
      for (let s = 1; s <= options.sectorsPerMandal; s++) {
        const sectorCode = `${mandalCode}-S${String(s).padStart(2, '0')}`;
        const [sHeadEn, sHeadHi] = pick(PLACE_HEADS);
        const [sTailEn, sTailHi] = pick(PLACE_TAILS);
        areas.push({
          code: sectorCode,
          level: 'sector',
          parentId: mandalCode,
          nameEn: `${sHeadEn}${sTailEn} Sector`,
          nameHi: `${sHeadHi}${sTailHi} सेक्टर`,
        });
        for (let b = 1; b <= options.boothsPerSector; b++) {
          boothNumber++;
          const boothCode = `${acCode}-B${String(boothNumber).padStart(4, '0')}`;
          const [bHeadEn, bHeadHi] = pick(PLACE_HEADS);
          const [bTailEn, bTailHi] = pick(PLACE_TAILS);
          const voterCount = 600 + Math.floor(rand() * 900);
          areas.push({
            code: boothCode,
            level: 'booth',
            parentId: sectorCode,
            nameEn: `Booth ${boothNumber}, ${bHeadEn}${bTailEn}`,
            nameHi: `बूथ ${boothNumber}, ${bHeadHi}${bTailHi}`,
            voterCount,
            beneficiaryCount: Math.floor(voterCount * (0.2 + rand() * 0.35)),
            socialComposition: shares(rand),
          });
          for (let k = 0; k < options.membersPerBooth; k++) {
            phone++;
            const [givenEn, givenHi] = pick(GIVEN);
            const [familyEn, familyHi] = pick(FAMILY);
            const en = `${givenEn} ${familyEn}`;
            const hi = `${givenHi} ${familyHi}`;
            // Half write their name in Devanagari first, half in Latin.
            const hindiFirst = phone % 2 === 0;
            members.push({
              phone: `+91${9_000_000_000 + phone}`,
              name: hindiFirst ? hi : en,
              nameAlt: hindiFirst ? en : hi,
              kind: KINDS[k % KINDS.length],
              areaId: boothCode,
            });
          }
        }
      }
    }
  }
  return { areas, members };
}

/** Random shares of the social groups, rounded down to 3 decimals so they never add up to more than 1. */
function shares(rand: () => number): Record<string, number> {
  const weights = SOCIAL_GROUPS.map(() => 0.2 + rand());
  const total = weights.reduce((a, b) => a + b, 0);
  return Object.fromEntries(SOCIAL_GROUPS.map((g, i) => [g, Math.floor((weights[i] / total) * 1000) / 1000]));
}
