import type { ProgrammeSummary } from '../domain/training-state';

/** A programme as the API answers it. */
export type ProgrammeView = {
  id: string;
  title: string;
  titleHi: string | null;
  rootAreaId: string;
  windowStart: string;
  windowEnd: string;
  audience: ProgrammeSummary['audience'];
  sessionPlan: ProgrammeSummary['sessionPlan'];
  targetRule: ProgrammeSummary['targetRule'];
  passScore: number | null;
  sessionCount: number;
  totalTarget: number;
  missingTargetBasis: string[];
  /** `pending` while invitations are still being written; `done` once every session's invitations exist. */
  materialisation: 'pending' | 'done';
  /** Invitations written so far: grows while `pending`, final once `done`. */
  invitedCount: number;
  /** Sessions whose invitations are all written (progress: out of `sessionCount`). */
  sessionsInvited: number;
  createdAt: string;
};

export function toProgrammeView(doc: ProgrammeSummary): ProgrammeView {
  return {
    id: doc._id,
    title: doc.title,
    titleHi: doc.titleHi,
    rootAreaId: doc.areaId,
    windowStart: doc.windowStart.toISOString(),
    windowEnd: doc.windowEnd.toISOString(),
    audience: doc.audience,
    sessionPlan: doc.sessionPlan,
    targetRule: doc.targetRule,
    passScore: doc.passScore,
    sessionCount: doc.sessionCount,
    totalTarget: doc.totalTarget,
    missingTargetBasis: doc.missingTargetBasis ?? [],
    materialisation: doc.materialisation,
    invitedCount: doc.invitedCount,
    sessionsInvited: doc.sessionsInvited ?? 0,
    createdAt: doc.createdAt.toISOString(),
  };
}
