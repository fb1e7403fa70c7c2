import { participantIdOf, type RsvpStatus } from './participant.entity';
import type { ParticipantState } from './training-state';

/** Who is being added to a session (an invitee from the roster, or a walk-in). */
export type ParticipantPerson = {
  memberId: string;
  name: string;
  nameAlt: string | null;
  positionId: string | null;
  memberAreaId: string | null;
};

type SessionPlace = { _id: string; programmeId: string; areaId: string; ancestors: string[] };

/**
 * A new participant in its first state: invited (materialiser, late joiners) or a walk-in who is
 * checked in as they are added.
 */
export function newParticipant(
  session: SessionPlace,
  person: ParticipantPerson,
  first: {
    status: Extract<RsvpStatus, 'invited' | 'walk-in'>;
    at: Date;
    checkInMethod?: 'list' | 'qr';
    invitationBatchId?: string;
  },
): ParticipantState {
  const invited = first.status === 'invited';
  return {
    _id: participantIdOf(session._id, person.memberId),
    sessionId: session._id,
    programmeId: session.programmeId,
    areaId: session.areaId,
    ancestors: session.ancestors,
    memberId: person.memberId,
    name: person.name,
    nameAlt: person.nameAlt,
    positionId: person.positionId,
    memberAreaId: person.memberAreaId,
    status: first.status,
    walkIn: !invited,
    invitedAt: invited ? first.at : null,
    registeredAt: null,
    waitlistedAt: null,
    declinedAt: null,
    attendedAt: invited ? null : first.at,
    checkInMethod: invited ? null : (first.checkInMethod ?? 'list'),
    completedAt: null,
    score: null,
    rating: null,
    comment: null,
    feedbackAt: null,
    invitationBatchId: first.invitationBatchId ?? null,
  };
}
