import type { AreaLevel, SessionPlan, TargetRule, TrainingAudience } from '@sangathan/contracts';
import { ValidationError, type ErrorDetail } from '@sangathan/kernel';
import { cleanHindi, cleanText } from './training-text';

const DAY_MS = 24 * 3600_000;

/** An area a session can be planned for (from the local area read model). */
export type PlanArea = {
  areaId: string;
  level: AreaLevel;
  ancestors: string[];
  nameEn: string;
  nameHi: string | null;
};

export type ScheduleInput = {
  /** Start of the first session. */
  firstSessionAt: Date;
  durationMinutes: number;
  /** Sessions per day when one is generated per area (spread over consecutive days, area order). */
  sessionsPerDay: number;
  capacity: number | null;
  allowWalkIns: boolean;
  venue: string | null;
};

export type ProgrammeInput = {
  title: string;
  titleHi: string | null;
  rootArea: { areaId: string; ancestors: string[] };
  windowStart: Date;
  windowEnd: Date;
  audience: TrainingAudience;
  sessionPlan: SessionPlan;
  targetRule: TargetRule;
  schedule: ScheduleInput;
  /** Attendees need at least this assessment score to complete (null: no assessment). */
  passScore: number | null;
};

export type PlannedSession = {
  area: PlanArea;
  title: string;
  startsAt: Date;
  endsAt: Date;
  target: number;
  capacity: number | null;
  allowWalkIns: boolean;
  venue: string | null;
};

/** Validated programme fields (what is stored and announced). */
export type ProgrammeProps = Omit<ProgrammeInput, 'title' | 'titleHi'> & {
  title: string;
  titleHi: string | null;
};

/** Checks the programme's own rules; throws one ValidationError listing every problem. */
export function validateProgramme(input: ProgrammeInput): ProgrammeProps {
  const problems: ErrorDetail[] = [];
  const title = cleanText(input.title, 'title', 200);
  if (!title) problems.push({ field: 'title', message: 'required' });
  const titleHi = cleanHindi(input.titleHi, 'titleHi', 200);
  if (!(input.windowEnd.getTime() > input.windowStart.getTime())) {
    problems.push({ field: 'windowEnd', message: 'must be after windowStart' });
  }
  if (input.targetRule.kind === 'scaled' && input.targetRule.max < input.targetRule.min) {
    problems.push({ field: 'targetRule.max', message: 'must be at least min' });
  }
  if (input.passScore !== null && (input.passScore < 0 || input.passScore > 100)) {
    problems.push({ field: 'passScore', message: 'must be 0-100' });
  }
  if (input.schedule.durationMinutes <= 0)
    problems.push({ field: 'schedule.durationMinutes', message: 'must be positive' });
  if (input.schedule.sessionsPerDay < 1)
    problems.push({ field: 'schedule.sessionsPerDay', message: 'at least 1' });
  if (problems.length) throw new ValidationError('INVALID_PROGRAMME', 'the programme is not valid', problems);
  return { ...input, title: title!, titleHi };
}

/** True when [startsAt, endsAt] lies inside the programme window. */
export function isInsideWindow(
  window: { windowStart: Date; windowEnd: Date },
  startsAt: Date,
  endsAt: Date,
): boolean {
  return (
    startsAt.getTime() >= window.windowStart.getTime() &&
    endsAt.getTime() <= window.windowEnd.getTime() &&
    endsAt > startsAt
  );
}

/**
 * Lays out one session per plan area (or the single central one): consecutive days from
 * `firstSessionAt`, `sessionsPerDay` a day, in the order given. Every session must fall inside the
 * window, or nothing is created.
 */
export function planSessions(
  programme: ProgrammeProps,
  areas: readonly PlanArea[],
  targets: ReadonlyMap<string, number>,
): PlannedSession[] {
  const { schedule } = programme;
  const planned = areas.map((area, index) => {
    const startsAt = new Date(
      schedule.firstSessionAt.getTime() + Math.floor(index / schedule.sessionsPerDay) * DAY_MS,
    );
    const endsAt = new Date(startsAt.getTime() + schedule.durationMinutes * 60_000);
    return {
      area,
      title: `${programme.title} — ${area.nameEn}`,
      startsAt,
      endsAt,
      target: targets.get(area.areaId) ?? 0,
      capacity: schedule.capacity,
      allowWalkIns: schedule.allowWalkIns,
      venue: schedule.venue,
    };
  });
  const outside = planned.filter((session) => !isInsideWindow(programme, session.startsAt, session.endsAt));
  if (outside.length) {
    throw new ValidationError(
      'SESSION_OUTSIDE_WINDOW',
      `${outside.length} of ${planned.length} sessions would fall outside the programme window ${programme.windowStart.toISOString()} – ${programme.windowEnd.toISOString()}; widen the window, start earlier or hold more sessions a day`,
      outside.slice(0, 20).map((session) => ({
        field: 'schedule',
        message: `${session.area.areaId} at ${session.startsAt.toISOString()}`,
      })),
    );
  }
  return planned;
}
