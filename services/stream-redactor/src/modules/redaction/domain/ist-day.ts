const IST_OFFSET_MS = 330 * 60 * 1000;

/** Calendar day (YYYY-MM-DD) of an instant in India Standard Time, where the party's days are counted. */
export function istDay(instant: string): string {
  return new Date(new Date(instant).getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}
