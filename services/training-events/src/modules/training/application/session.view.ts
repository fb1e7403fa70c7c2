import type { SessionState } from '../domain/training-state';

/** A session as the API answers it. */
export type SessionView = {
  id: string;
  programmeId: string;
  areaId: string;
  areaLevel: string;
  ancestors: string[];
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  target: number;
  capacity: number | null;
  allowWalkIns: boolean;
  status: string;
  registeredCount: number;
  invitations: 'pending' | 'done';
  invitedCount: number;
  turnout: Record<string, number> | null;
  heldAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
};

export function toSessionView(doc: SessionState): SessionView {
  return {
    id: doc._id,
    programmeId: doc.programmeId,
    areaId: doc.areaId,
    areaLevel: doc.areaLevel,
    ancestors: doc.ancestors,
    title: doc.title,
    startsAt: doc.startsAt.toISOString(),
    endsAt: doc.endsAt.toISOString(),
    venue: doc.venue,
    target: doc.target,
    capacity: doc.capacity,
    allowWalkIns: doc.allowWalkIns,
    status: doc.status,
    registeredCount: doc.registeredCount,
    invitations: doc.invitations,
    invitedCount: doc.invitedCount,
    turnout: doc.turnout ?? null,
    heldAt: doc.heldAt?.toISOString() ?? null,
    cancelledAt: doc.cancelledAt?.toISOString() ?? null,
    cancelReason: doc.cancelReason ?? null,
  };
}
