import type { MeetingSummary } from '../../application/ports/meeting.repository.port';
import { istDay } from '../../domain/ist-day';

/** The calendar's days, each with the meetings planned on it (IST); meetings outside `days` are left out. */
export function meetingsByDay(
  days: readonly string[],
  meetings: readonly MeetingSummary[],
): { day: string; meetings: MeetingSummary[] }[] {
  const byDay = new Map(days.map((d) => [d, [] as MeetingSummary[]]));
  for (const meeting of meetings) byDay.get(istDay(new Date(meeting.scheduledStart)))?.push(meeting);
  return [...byDay].map(([day, onDay]) => ({ day, meetings: onDay }));
}
