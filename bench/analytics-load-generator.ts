/**
 * Load generator for momentum (issue 7, item 5): a synthetic Uttar Pradesh organisation at full
 * scale (state > 6 zones > 92 districts > 403 assemblies > mandals > sectors > ~1.6 lakh booths,
 * plus the 80 Lok Sabha seats) and realistic activity over a simulated campaign of N days, with
 * slow, normal and fast districts so the scores can be seen to separate them.
 *
 * It synthesises its own area documents (org.area.created events) instead of importing the org
 * service; events are built as contract envelopes the analytics consumer validates.
 */
import {
  AreaCreatedV1,
  BoothCommitteeFormedV1,
  TaskAssignedV1,
  TaskCompletedV1,
  VolunteerAddedV1,
  MeetingHeldV1,
  PhotoVerifiedV1,
  TrainingAttendanceRecordedV1,
  TrainingSessionHeldV1,
  type AreaLevel,
  type EventDefinition,
  type EventEnvelope,
  type MeetingKind,
  type SeatClass,
} from '@sangathan/contracts';
import { uuidv7 } from '@sangathan/kernel';

export type OrgShape = {
  zones: number;
  districts: number;
  assemblies: number;
  lokSabhaSeats: number;
  mandalsPerAssembly: number;
  sectorsPerMandal: number;
  boothsPerSector: number;
};

/** ~161k booths: 403 assemblies × 4 mandals × 10 sectors × 10 booths. */
export const FULL_UP: OrgShape = {
  zones: 6,
  districts: 92,
  assemblies: 403,
  lokSabhaSeats: 80,
  mandalsPerAssembly: 4,
  sectorsPerMandal: 10,
  boothsPerSector: 10,
};
export const SMALL_UP: OrgShape = {
  zones: 2,
  districts: 6,
  assemblies: 12,
  lokSabhaSeats: 3,
  mandalsPerAssembly: 2,
  sectorsPerMandal: 2,
  boothsPerSector: 3,
};

export type Pace = 'slow' | 'normal' | 'fast';
/** Activity multiplier of each pace (a slow district does 30% of what it should). */
export const PACE_FACTOR: Record<Pace, number> = { slow: 0.3, normal: 1, fast: 1.4 };

export type AreaDoc = {
  areaId: string;
  level: AreaLevel;
  parentId: string | null;
  ancestors: string[];
  nameEn: string;
  nameHi: string | null;
  seatClass: SeatClass | null;
};

export type SyntheticOrg = {
  areas: AreaDoc[];
  booths: { areaId: string; ancestors: string[]; district: string }[];
  assemblies: AreaDoc[];
  paces: Map<string, Pace>;
  shape: OrgShape;
};

/** Deterministic PRNG (mulberry32) so a run can be repeated. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEAT_CLASSES: SeatClass[] = ['lost', 'weak', 'thin-margin', 'strong'];

/** Builds the hierarchy. Every 7th district is slow, every 5th fast (by index), the rest normal. */
export function buildOrg(shape: OrgShape = FULL_UP, prefix = 'UP'): SyntheticOrg {
  const areas: AreaDoc[] = [];
  const booths: SyntheticOrg['booths'] = [];
  const assemblies: AreaDoc[] = [];
  const paces = new Map<string, Pace>();
  const add = (
    areaId: string,
    level: AreaLevel,
    parent: AreaDoc | null,
    seatClass: SeatClass | null = null,
  ): AreaDoc => {
    const doc: AreaDoc = {
      areaId,
      level,
      parentId: parent?.areaId ?? null,
      ancestors: parent ? [...parent.ancestors, parent.areaId] : [],
      nameEn: areaId,
      nameHi: null,
      seatClass,
    };
    areas.push(doc);
    return doc;
  };
  const nation = add('IN', 'national', null);
  const state = add(prefix, 'state', nation);
  for (let s = 0; s < shape.lokSabhaSeats; s++)
    add(`${prefix}-LS${s + 1}`, 'lok-sabha', state, SEAT_CLASSES[s % 4]);
  const zones = Array.from({ length: shape.zones }, (_, z) => add(`${prefix}-Z${z + 1}`, 'zone', state));
  let assembly = 0;
  for (let d = 0; d < shape.districts; d++) {
    const district = add(`${prefix}-D${d + 1}`, 'district', zones[d % zones.length]);
    paces.set(district.areaId, d % 7 === 3 ? 'slow' : d % 5 === 1 ? 'fast' : 'normal');
    const count =
      Math.floor(((d + 1) * shape.assemblies) / shape.districts) -
      Math.floor((d * shape.assemblies) / shape.districts);
    for (let a = 0; a < count; a++, assembly++) {
      const ac = add(`${district.areaId}-A${assembly + 1}`, 'assembly', district, SEAT_CLASSES[assembly % 4]);
      assemblies.push(ac);
      for (let m = 0; m < shape.mandalsPerAssembly; m++) {
        const mandal = add(`${ac.areaId}-M${m + 1}`, 'mandal', ac);
        for (let s = 0; s < shape.sectorsPerMandal; s++) {
          const sector = add(`${mandal.areaId}-S${s + 1}`, 'sector', mandal);
          for (let b = 0; b < shape.boothsPerSector; b++) {
            const booth = add(`${sector.areaId}-B${b + 1}`, 'booth', sector);
            booths.push({ areaId: booth.areaId, ancestors: booth.ancestors, district: district.areaId });
          }
        }
      }
    }
  }
  return { areas, booths, assemblies, paces, shape };
}

/** A message ready for Kafka: catalog topic, key, JSON value. */
export type GeneratedMessage = { topic: string; key: string; value: string; event: EventEnvelope };

function envelope<T>(
  definition: EventDefinition<T>,
  payload: T,
  areaId: string,
  areaPath: string[],
  producer: string,
  occurredAt: number,
): EventEnvelope<T> {
  return {
    eventId: uuidv7(occurredAt),
    type: definition.type,
    version: definition.version,
    occurredAt: new Date(occurredAt).toISOString(),
    producer,
    areaId,
    areaPath,
    actorId: null,
    correlationId: `gen-${areaId}`,
    causationId: null,
    payload,
  };
}

export function areaMessages(org: SyntheticOrg, occurredAt = Date.now()): GeneratedMessage[] {
  return org.areas.map((a) => {
    const event = envelope(
      AreaCreatedV1,
      {
        areaId: a.areaId,
        level: a.level,
        parentId: a.parentId,
        ancestors: a.ancestors,
        nameEn: a.nameEn,
        nameHi: a.nameHi,
        seatClass: a.seatClass,
      },
      a.areaId,
      a.ancestors,
      'org',
      occurredAt,
    );
    return { topic: AreaCreatedV1.topic, key: a.areaId, value: JSON.stringify(event), event };
  });
}

const KINDS: MeetingKind[] = [
  'daily-small',
  'daily-small',
  'daily-small',
  'daily-small',
  'review',
  'booth-committee',
  'cadre-camp',
];

/**
 * Activity over `days` simulated days ending at `endMs`, about `events` messages in time order.
 * Booths are picked in proportion to their district's pace; a normal booth runs at roughly the
 * formula's target rate when `days` ≈ events / (booths × 0.45).
 */
export function* activityMessages(
  org: SyntheticOrg,
  opts: { events: number; days: number; endMs: number; seed?: number },
): Generator<GeneratedMessage> {
  const rand = prng(opts.seed ?? 42);
  // Cumulative weights for pace-proportional booth picking.
  const weights = new Float64Array(org.booths.length);
  let total = 0;
  org.booths.forEach((b, i) => {
    total += PACE_FACTOR[org.paces.get(b.district) ?? 'normal'];
    weights[i] = total;
  });
  const pick = () => {
    const x = rand() * total;
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (weights[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return org.booths[lo];
  };
  const startMs = opts.endMs - opts.days * 86_400_000;
  const span = opts.endMs - startMs;
  let produced = 0;
  let i = 0;
  while (produced < opts.events) {
    // Time advances evenly with the event count (±10 minutes of jitter), so output is in time order.
    const at = Math.min(
      opts.endMs - 1,
      startMs + Math.floor((produced / opts.events) * span + rand() * 600_000),
    );
    const booth = pick();
    const roll = rand();
    i++;
    if (roll < 0.02) {
      // A training session at the booth's mandal, its turnout following the district's pace.
      const mandal = booth.ancestors[booth.ancestors.length - 2];
      const mandalPath = booth.ancestors.slice(0, -2);
      const target = 40;
      const attended = Math.round(
        target * Math.min(1.3, PACE_FACTOR[org.paces.get(booth.district) ?? 'normal'] * (0.6 + rand() * 0.5)),
      );
      const sessionId = `ses-${i}`;
      const event = envelope(
        TrainingSessionHeldV1,
        {
          programmeId: 'prog-1',
          sessionId,
          areaId: mandal,
          areaLevel: 'mandal',
          ancestors: mandalPath,
          startsAt: new Date(at - 7200_000).toISOString(),
          endsAt: new Date(at).toISOString(),
          heldAt: new Date(at).toISOString(),
          target,
          invitedCount: target,
          registeredCount: target,
          attendedCount: attended,
          walkInCount: 0,
          completedCount: attended,
          turnoutRatio: attended / target,
        },
        mandal,
        mandalPath,
        'training-events',
        at,
      );
      yield { topic: TrainingSessionHeldV1.topic, key: sessionId, value: JSON.stringify(event), event };
      produced++;
      continue;
    }
    if (roll < 0.12) {
      const sessionId = `ses-${Math.floor(i / 97)}`;
      const memberId = `mem-${Math.floor(rand() * 1e9)}`;
      const event = envelope(
        TrainingAttendanceRecordedV1,
        {
          programmeId: 'prog-1',
          sessionId,
          areaId: booth.areaId,
          participantId: `${sessionId}~${memberId}`,
          memberId,
          method: 'qr',
          walkIn: false,
          sessionTarget: 40,
          checkedInAt: new Date(at).toISOString(),
        },
        booth.areaId,
        booth.ancestors,
        'training-events',
        at,
      );
      yield {
        topic: TrainingAttendanceRecordedV1.topic,
        key: `${sessionId}~${memberId}`,
        value: JSON.stringify(event),
        event,
      };
      produced++;
      continue;
    }
    const pace = org.paces.get(booth.district) ?? 'normal';
    if (roll < 0.15) {
      // The booth's coverage as org reports it: committee formed or not, volunteers registered.
      const formed = rand() < { slow: 0.35, normal: 0.8, fast: 0.95 }[pace];
      const volunteers = Math.max(0, Math.round({ slow: 2, normal: 4, fast: 5 }[pace] + (rand() - 0.5) * 2));
      const definition = formed ? BoothCommitteeFormedV1 : VolunteerAddedV1;
      const coverage = {
        boothId: booth.areaId,
        ancestors: booth.ancestors,
        lokSabhaId: null,
        committeeFormed: formed,
        committeeSize: formed ? 11 : 4,
        committeeRequired: 11,
        volunteerCount: volunteers,
        volunteerTarget: 5,
        whatsappGroupCount: 1,
        whatsappMemberCount: 120,
      };
      const payload = formed ? { ...coverage, memberIds: ['m-1'] } : { ...coverage, memberId: `vol-${i}` };
      const event = envelope(
        definition as EventDefinition<typeof payload>,
        payload,
        booth.areaId,
        booth.ancestors,
        'org',
        at,
      );
      yield { topic: definition.topic, key: booth.areaId, value: JSON.stringify(event), event };
      produced++;
      continue;
    }
    if (roll < 0.17) {
      // A task for the booth's mandal, completed (on time or late) more often where the district is fast.
      const mandal = booth.ancestors[booth.ancestors.length - 2];
      const taskId = `task-${i}`;
      const task = {
        taskId,
        title: 'Booth committee review',
        areaId: mandal,
        ancestors: booth.ancestors.slice(0, -2),
        positionId: null,
        positionType: null,
        assigneeMemberId: null,
        assignedBy: 'state-hq',
        dueAt: new Date(at + 5 * 86_400_000).toISOString(),
        reviewEveryDays: 7,
        nextReviewAt: new Date(at + 7 * 86_400_000).toISOString(),
        status: 'open' as const,
        progressPercent: 0,
      };
      const assigned = envelope(TaskAssignedV1, task, mandal, task.ancestors, 'org', at);
      yield { topic: TaskAssignedV1.topic, key: taskId, value: JSON.stringify(assigned), event: assigned };
      produced++;
      if (produced < opts.events && rand() < { slow: 0.3, normal: 0.75, fast: 0.9 }[pace]) {
        const late = rand() < 0.3;
        const doneAt = Math.min(opts.endMs - 1, at + (late ? 6 : 3) * 86_400_000 * rand());
        const completed = envelope(
          TaskCompletedV1,
          { ...task, status: 'completed', progressPercent: 100, completedBy: 'm-1', late },
          mandal,
          task.ancestors,
          'org',
          doneAt,
        );
        yield {
          topic: TaskCompletedV1.topic,
          key: taskId,
          value: JSON.stringify(completed),
          event: completed,
        };
        produced++;
      }
      continue;
    }
    const meetingId = uuidv7(at);
    const kind = KINDS[Math.floor(rand() * KINDS.length)];
    const attendance = 5 + Math.floor(rand() * 12);
    const verified = rand() < 0.6;
    const ref = {
      meetingId,
      kind,
      areaId: booth.areaId,
      ancestors: booth.ancestors,
      organiserId: `incharge-${booth.ancestors[booth.ancestors.length - 1]}`,
    };
    const held = envelope(
      MeetingHeldV1,
      {
        ...ref,
        heldStart: new Date(at - 3600_000).toISOString(),
        heldEnd: new Date(at).toISOString(),
        recordedAt: new Date(at).toISOString(),
        attendanceLocksAt: new Date(at + 2 * 86_400_000).toISOString(),
        namedCount: attendance - 2,
        headcount: 2,
        totalAttendance: attendance,
        expectedAttendeeCount: 15,
        photoCount: verified ? 1 : 0,
        verifiedPhotoCount: 0,
        districts: [],
      },
      booth.areaId,
      booth.ancestors,
      'meetings',
      at,
    );
    yield { topic: MeetingHeldV1.topic, key: meetingId, value: JSON.stringify(held), event: held };
    produced++;
    if (verified && produced < opts.events) {
      const photo = envelope(
        PhotoVerifiedV1,
        {
          ...ref,
          photoId: uuidv7(at),
          meetingStart: new Date(at - 3600_000).toISOString(),
          verified: true,
          method: 'exif',
          takenAt: new Date(at - 3000_000).toISOString(),
          verifiedAt: new Date(at + 60_000).toISOString(),
        },
        booth.areaId,
        booth.ancestors,
        'meetings',
        at + 60_000,
      );
      yield { topic: PhotoVerifiedV1.topic, key: meetingId, value: JSON.stringify(photo), event: photo };
      produced++;
    }
  }
}

/** Simulated days that make a normal booth run at about the formula's target rate for `events` events. */
export function daysForTargetRate(org: SyntheticOrg, events: number): number {
  return Math.max(3, Math.round(events / (org.booths.length * 0.45)));
}
