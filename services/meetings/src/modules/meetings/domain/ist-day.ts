/** India Standard Time is UTC+05:30 all year; quotas and calendars count days in IST. */
export const IST_OFFSET_MS = 330 * 60_000;

/** The IST calendar day (YYYY-MM-DD) an instant falls on. */
export function istDay(instant: Date): string {
  return new Date(instant.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant an IST day starts. */
export function istDayStart(day: string): Date {
  return new Date(new Date(`${day}T00:00:00.000Z`).getTime() - IST_OFFSET_MS);
}

/** Every IST day from `from` to `to`, inclusive. */
export function istDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let t = new Date(`${from}T00:00:00.000Z`).getTime();
    t <= new Date(`${to}T00:00:00.000Z`).getTime();
    t += 86_400_000
  ) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
