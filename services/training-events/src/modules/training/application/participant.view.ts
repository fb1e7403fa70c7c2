import type { ParticipantState } from '../domain/training-state';

/** A participant as the API answers it. */
export type ParticipantView = {
  id: string;
  sessionId: string;
  programmeId: string;
  areaId: string;
  memberId: string;
  name: string;
  nameAlt: string | null;
  positionId: string | null;
  status: string;
  walkIn: boolean;
  invitedAt: string | null;
  registeredAt: string | null;
  waitlistedAt: string | null;
  declinedAt: string | null;
  attendedAt: string | null;
  checkInMethod: string | null;
  completedAt: string | null;
  score: number | null;
  rating: number | null;
  comment: string | null;
};

const isoOrNull = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

export function toParticipantView(doc: ParticipantState): ParticipantView {
  return {
    id: doc._id,
    sessionId: doc.sessionId,
    programmeId: doc.programmeId,
    areaId: doc.areaId,
    memberId: doc.memberId,
    name: doc.name,
    nameAlt: doc.nameAlt,
    positionId: doc.positionId,
    status: doc.status,
    walkIn: doc.walkIn,
    invitedAt: isoOrNull(doc.invitedAt),
    registeredAt: isoOrNull(doc.registeredAt),
    waitlistedAt: isoOrNull(doc.waitlistedAt),
    declinedAt: isoOrNull(doc.declinedAt),
    attendedAt: isoOrNull(doc.attendedAt),
    checkInMethod: doc.checkInMethod,
    completedAt: isoOrNull(doc.completedAt),
    score: doc.score,
    rating: doc.rating,
    comment: doc.comment,
  };
}
