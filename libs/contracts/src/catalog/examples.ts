import { z } from 'zod';
import type { EventDefinition } from '../envelope/event-definition';
import type { EventEnvelope } from '../envelope/event-envelope';

/*
 * One example per (type, version) for the catalogue (docs/asyncapi.json, docs/streams/). The values are built from
 * each payload's own zod schema, so a new event gets an example without anyone writing one; a field whose name
 * is listed below takes the first realistic value its schema accepts (a booth of Lucknow East, Lucknow district).
 * examples.spec.ts checks every example against its contract.
 */

/** Lucknow East assembly seat (no. 173, Lucknow Lok Sabha seat 35), Lucknow division: codes as org generates them. */
const BOOTH = 'UP-AC-173-B0007';
const MANDAL = 'UP-AC-173-M01';
const MANDAL_PATH = ['IN', 'UP', 'UP-Z-LUCKNOW', 'UP-D-LUCKNOW', 'UP-AC-173'];

const MEMBER_ID = '01938f4a-6c2e-7a51-9d3b-2f6e8a1c4b70';
const OTHER_MEMBER_ID = '01938f4a-7d10-7c22-8e4f-5a9b3c2d1e80';
const MEETING_ID = '01939a10-2b3c-7d4e-8f50-6a7b8c9d0e1f';
const INSTANT = '2026-01-18T05:30:00.000Z';
const LATER = '2026-01-18T07:00:00.000Z';
const HEX_SHA = 'b1946ac92492d2347c6235b4d2611184e6f1a2b3c4d5e6f708192a3b4c5d6e7f';

/** Realistic values by field name, best first; a value the field's schema rejects is skipped. */
const BY_FIELD: Record<string, readonly unknown[]> = {
  areaId: [MANDAL],
  ancestors: [MANDAL_PATH],
  areaPath: [MANDAL_PATH],
  parentId: ['UP-AC-173'],
  boothId: [BOOTH],
  districtId: ['UP-D-LUCKNOW', null],
  lokSabhaId: ['UP-LS-35'],
  linkedAreaIds: [['UP-D-LUCKNOW', 'UP-D-HARDOI']],
  level: ['mandal'],
  nameEn: ['Gomti Nagar Mandal'],
  nameHi: ['गोमती नगर मंडल'],
  name: ['सुनीता देवी'],
  nameAlt: ['Sunita Devi'],
  title: ['मंडल कार्यकर्ता बैठक', 'Booth committee review'],
  memberId: [MEMBER_ID],
  organiserId: [MEMBER_ID],
  uploadedBy: [MEMBER_ID],
  assignedBy: [OTHER_MEMBER_ID],
  assigneeMemberId: [MEMBER_ID],
  participantId: [MEMBER_ID],
  previousHolderId: [OTHER_MEMBER_ID, null],
  successorId: [OTHER_MEMBER_ID, null],
  replacedBy: [null],
  addedMemberIds: [[MEMBER_ID, OTHER_MEMBER_ID]],
  memberIds: [[MEMBER_ID, OTHER_MEMBER_ID]],
  meetingId: [MEETING_ID],
  photoId: ['01939a12-0f1e-7a2b-9c3d-4e5f60718293'],
  taskId: ['01939b00-1a2b-7c3d-8e4f-506172839405'],
  programmeId: ['01939c00-aa11-7b22-8c33-d44e55f66a77'],
  sessionId: ['01939c01-bb22-7c33-9d44-e55f66a77b88'],
  positionId: ['mandal-president:UP-AC-173-M01'],
  positionType: ['mandal-president'],
  type: ['mandal-president'],
  role: ['incharge'],
  day: ['2026-01-18'],
  since: ['2025-12-01', INSTANT],
  until: ['2026-01-18', LATER],
  date: ['2026-01-18'],
  sha256: [HEX_SHA],
  contentType: ['image/jpeg'],
  sizeBytes: [1_843_200],
  reason: ['अगले सप्ताह होगी', 'moved', 'replaced', null],
  socialGroup: [null],
  roomId: [null],
  keyId: ['2026-Q1'],
  organiserKey: ['3c2e9a5b7d1f40e8a6b4c2d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0'],
  replacedByKey: [null],
  addedMemberKeys: [['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08']],
  joinedOn: ['2025-11-02'],
  on: ['2026-01-18'],
  heldOn: ['2026-01-18'],
  memberKey: ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
  expectedAttendeeCount: [25],
  namedCount: [18],
  headcount: [40],
  totalAttendance: [58],
  photoCount: [2],
  verifiedPhotoCount: [1],
  voterCount: [1180],
  score: [72.4],
  previousScore: [68.1, null],
  weekAgoScore: [64.9, null],
  changed: [['name']],
  previousParentId: ['UP-AC-174'],
  previousAncestors: [['IN', 'UP', 'UP-Z-LUCKNOW', 'UP-D-LUCKNOW', 'UP-AC-174']],
  rootAreaId: ['UP-D-LUCKNOW'],
  memberAreaId: [BOOTH],
  duplicateOfMeetingIds: [['01939a0f-9e8d-7c6b-8a59-483726150f4e']],
  reviewerId: [OTHER_MEMBER_ID],
  completedBy: [MEMBER_ID],
  cancelledBy: [OTHER_MEMBER_ID],
  positions: [['booth-president', 'sector-incharge']],
  note: ['बूथ समिति की सूची अधूरी है'],
  comment: ['डेटा प्रबंधन का सत्र उपयोगी रहा'],
  venue: ['ज़िला कार्यालय, लखनऊ'],
  titleHi: ['डेटा प्रबंधन प्रशिक्षण'],
  areaLevel: ['mandal'],
  lastMargin: [2.4],
  boothCount: [312],
  beneficiaryCount: [410],
  socialComposition: [{ obc: 0.42, sc: 0.21, general: 0.25, muslim: 0.12 }],
  target: [40],
  capacity: [60],
  sessionTarget: [40],
  rating: [4],
  turnoutRatio: [0.85],
  shortLongRatio: [1.12],
  threshold: [40],
  requiredMeetings: [4],
  heldCount: [2],
  withPhotoCount: [2],
  withVerifiedPhotoCount: [1],
  progressPercent: [60],
  reviewEveryDays: [7],
  committeeSize: [11],
  committeeRequired: [11],
  volunteerCount: [4],
  volunteerTarget: [5],
  whatsappGroupCount: [1],
  whatsappMemberCount: [212],
  formulaVersion: [1],
};

const START_FIELD = /(At|Start|since|Since)$/;
const END_FIELD = /(End|until|Until|Ends|EndsAt|endsAt)$/;
/** Free text for a string field nobody listed. */
const TEXT = 'टिप्पणी';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  keyType?: z.ZodType;
};
const zodOf = (schema: z.ZodType) =>
  (schema as unknown as { _zod: { def: Def; values?: Set<unknown> } })._zod;

const GENERIC_STRINGS = [INSTANT, '2026-01-18', MEMBER_ID, HEX_SHA, 'UP-AC-173-M01', 'hi'];
const GENERIC_NUMBERS = [3, 1, 0, 0.8, 100, 2026];

function sample(schema: z.ZodType, field?: string): unknown {
  const accepted = (candidates: readonly unknown[]) => candidates.find((c) => schema.safeParse(c).success);
  if (field !== undefined) {
    const named =
      BY_FIELD[field] ??
      (END_FIELD.test(field) ? [LATER, null] : START_FIELD.test(field) ? [INSTANT, null] : undefined);
    const value = named && accepted(named);
    if (value !== undefined) return value;
  }
  const { def, values } = zodOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape!).map(([key, inner]) => [key, sample(inner, key)]));
    case 'array': {
      const element = sample(def.element!, field);
      return [element];
    }
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
      return sample(def.innerType!, field);
    case 'union':
      return sample(def.options![0], field);
    case 'enum':
    case 'literal':
      return [...values!][0];
    case 'boolean':
      return true;
    case 'string':
      return schema.safeParse(TEXT).success ? TEXT : accepted(GENERIC_STRINGS);
    case 'number':
      return accepted(GENERIC_NUMBERS);
    case 'record': {
      const keys = zodOf(def.keyType!).values;
      return Object.fromEntries((keys ? [...keys] : ['obc']).map((key) => [key, sample(def.valueType!)]));
    }
    default:
      return null;
  }
}

/** A realistic payload `definition` accepts, built from its schema. */
export function examplePayload<T>(definition: EventDefinition<T>): T {
  return sample(definition.payload) as T;
}

/** A whole example envelope for `definition`, as a consumer reads it from the topic. */
export function exampleEvent<T>(
  definition: EventDefinition<T>,
  producer = definition.topic.split('.')[0],
): EventEnvelope<T> {
  const payload = examplePayload(definition);
  const fields = payload as Record<string, unknown>;
  const areaId = typeof fields.areaId === 'string' ? fields.areaId : MANDAL;
  const areaPath = Array.isArray(fields.ancestors) ? (fields.ancestors as string[]) : MANDAL_PATH;
  return {
    eventId: '01939a10-2b3c-7d4e-8f50-000000000001',
    type: definition.type,
    version: definition.version,
    occurredAt: INSTANT,
    producer,
    areaId,
    areaPath,
    actorId: definition.topic.startsWith('analyst.') ? null : MEMBER_ID,
    correlationId: '01939a10-2b3c-7d4e-8f50-6a7b8c9d0e00',
    causationId: null,
    payload,
  };
}
