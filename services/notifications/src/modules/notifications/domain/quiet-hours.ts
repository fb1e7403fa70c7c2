/** India Standard Time is UTC+05:30 all year (no daylight saving). */
export const IST_OFFSET_MS = 330 * 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Hours (IST, 0-23) when channels that ring a phone stay silent: from `startHour` until `endHour` next morning. */
export type QuietHours = { startHour: number; endHour: number };
export const DEFAULT_QUIET_HOURS: QuietHours = { startHour: 21, endHour: 8 };

/** Channels that buzz a phone wait for morning; e-mail and the in-app inbox never do. */
export const PHONE_CHANNELS: ReadonlySet<string> = new Set(['sms', 'whatsapp']);

/** Milliseconds since IST midnight of `at`. */
function istTimeOfDay(at: Date): number {
  return (((at.getTime() + IST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
}

/**
 * When `channel` may next ring the member, if `at` falls in quiet hours; null when it may go now.
 * Deferred messages go at the end of the quiet hours (the next `endHour`:00 IST).
 */
export function quietUntil(channel: string, at: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date | null {
  if (!PHONE_CHANNELS.has(channel)) return null;
  const time = istTimeOfDay(at);
  const start = quiet.startHour * HOUR_MS;
  const end = quiet.endHour * HOUR_MS;
  const inQuiet = start > end ? time >= start || time < end : time >= start && time < end;
  if (!inQuiet) return null;
  const wait = (end - time + DAY_MS) % DAY_MS;
  return new Date(at.getTime() + wait);
}

/** The next `hour`:`minute` IST strictly after `at`. */
export function nextIstTime(at: Date, hour: number, minute = 0): Date {
  const target = (hour * 60 + minute) * 60_000;
  const time = istTimeOfDay(at);
  const wait = target > time ? target - time : DAY_MS - time + target;
  return new Date(at.getTime() + wait);
}

/** IST calendar day (YYYY-MM-DD) of an instant. */
export function istDay(at: Date): string {
  return new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}
