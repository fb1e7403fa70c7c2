import {
  AreaCreatedV1,
  AreaMovedV1,
  AreaReclassifiedV1,
  AreaUpdatedV1,
  type AreaSnapshot,
  type EventEnvelope,
} from '@sangathan/contracts';
import { PermanentEventError } from '@sangathan/messaging';
import type { Activity, AreaRecord } from '../domain/activity';
import { activitiesOf, FutureActivityError } from '../domain/activity-mapping';

/** Hierarchy events: created adds an area; updated and reclassified refresh its names and seat class; moved re-parents it. */
export const AREA_EVENTS = [AreaCreatedV1, AreaUpdatedV1, AreaReclassifiedV1, AreaMovedV1];
const AREA_EVENT_TYPES = new Set(AREA_EVENTS.map((d) => d.type));

/** One consumed message as journaled: its offset and id, and what it meant. */
export type JournalItem = { o: number; id: string; area?: AreaRecord; acts?: Activity[] };

/** What a consumed event means to momentum: an area of the hierarchy, or the activities it counts. */
export function toJournalItem(event: EventEnvelope, offset: number): JournalItem {
  if (AREA_EVENT_TYPES.has(event.type)) {
    const p = event.payload as AreaSnapshot;
    return {
      o: offset,
      id: event.eventId,
      area: {
        areaId: p.areaId,
        level: p.level,
        parentId: p.parentId,
        nameEn: p.nameEn,
        nameHi: p.nameHi,
        seatClass: p.seatClass ?? null,
      },
    };
  }
  try {
    return { o: offset, id: event.eventId, acts: activitiesOf(event) };
  } catch (error) {
    if (error instanceof FutureActivityError) throw new PermanentEventError('future-activity', error.message);
    throw error;
  }
}
