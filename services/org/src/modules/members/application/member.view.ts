import type { Member } from '../domain/member.entity';
import type { Position } from '../domain/position.entity';

export type MemberView = {
  id: string;
  phone: string;
  name: string;
  nameAlt: string | null;
  kind: string;
  status: string;
  statusHistory: {
    status: string;
    at: string;
    reason: string | null;
    by: string | null;
    replacedBy: string | null;
  }[];
  areaId: string;
  ancestors: string[];
  joinedAt: string;
  lastActiveAt: string | null;
};

export type PositionView = {
  id: string;
  type: string;
  areaId: string;
  ancestors: string[];
  itTeam: 'central' | 'state' | null;
  holderId: string | null;
  since: string | null;
  history: { memberId: string; since: string; until: string | null; reason: string | null }[];
};

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function memberView(member: Member): MemberView {
  const p = member.snapshot;
  return {
    id: p.id,
    phone: p.phone,
    name: p.name,
    nameAlt: p.nameAlt ?? null,
    kind: p.kind,
    status: p.status,
    statusHistory: (p.statusHistory ?? []).map((s) => ({ ...s, at: iso(s.at)! })),
    areaId: p.areaId,
    ancestors: p.ancestors,
    joinedAt: iso(p.joinedAt)!,
    lastActiveAt: iso(p.lastActiveAt),
  };
}

export function positionView(position: Position): PositionView {
  const p = position.snapshot;
  return {
    id: position.id,
    type: p.type,
    areaId: p.areaId,
    ancestors: p.ancestors,
    itTeam: position.itTeam,
    holderId: p.holderId,
    since: iso(p.since),
    history: (p.history ?? []).map((h) => ({
      memberId: h.memberId,
      since: iso(h.since)!,
      until: iso(h.until),
      reason: h.reason,
    })),
  };
}
