/** What a reader keeps: event types (`type` or `type@vN`), an area's subtree, a time range of the broker timestamp. */
export type EventFilter = {
  types?: readonly string[];
  area?: string;
  /** Inclusive, epoch milliseconds. */
  fromMs?: number;
  /** Exclusive, epoch milliseconds. */
  toMs?: number;
};

/** The envelope fields the filters read. */
export type EnvelopeHead = { type?: unknown; version?: unknown; areaId?: unknown; areaPath?: unknown };

/** True when an event read from the broker at `timestampMs` passes every filter given. */
export function matches(event: EnvelopeHead, timestampMs: number, filter: EventFilter): boolean {
  if (filter.fromMs !== undefined && timestampMs < filter.fromMs) return false;
  if (filter.toMs !== undefined && timestampMs >= filter.toMs) return false;
  if (filter.types && filter.types.length > 0) {
    const type = String(event.type);
    if (!filter.types.some((wanted) => wanted === type || wanted === `${type}@v${String(event.version)}`))
      return false;
  }
  if (filter.area !== undefined) {
    const path = Array.isArray(event.areaPath) ? (event.areaPath as unknown[]) : [];
    if (event.areaId !== filter.area && !path.includes(filter.area)) return false;
  }
  return true;
}

/**
 * Reads a point in time: an ISO-8601 instant (`2026-01-18T10:00:00+05:30`), a day (`2026-01-18`, midnight IST),
 * epoch milliseconds, or a duration before now (`15m`, `2h`, `7d`).
 */
export function parseInstant(text: string, now = Date.now()): number {
  const relative = /^(\d+)(s|m|h|d)$/.exec(text);
  if (relative) {
    const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as 's' | 'm' | 'h' | 'd'];
    return now - Number(relative[1]) * unit;
  }
  if (/^\d{12,}$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(`${text}T00:00:00+05:30`);
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed))
    throw new Error(
      `"${text}" is not a time: give an ISO-8601 instant, a YYYY-MM-DD day, epoch ms or 15m/2h/7d`,
    );
  return parsed;
}
