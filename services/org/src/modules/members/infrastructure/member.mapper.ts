import type { PositionType } from '@sangathan/contracts';
import { nameKeys } from '../../areas/infrastructure/area.mapper';
import { Member } from '../domain/member.entity';
import { Position, positionId } from '../domain/position.entity';
import type { MemberDocument, PositionDocument } from './member.schema';

export type MemberRow = Omit<MemberDocument, 'outbox' | 'outboxDueAt' | 'version'>;
export type PositionRow = Omit<PositionDocument, 'outbox' | 'outboxDueAt' | 'version'>;

export const MemberMapper = {
  toDomain(doc: MemberRow): Member {
    return Member.restore({
      id: doc._id,
      phone: doc.phone,
      name: doc.name,
      nameAlt: doc.nameAlt ?? null,
      kind: doc.kind,
      status: doc.status,
      statusHistory: doc.statusHistory ?? [],
      areaId: doc.areaId,
      ancestors: doc.ancestors,
      joinedAt: new Date(doc.joinedAt),
      lastActiveAt: doc.lastActiveAt ? new Date(doc.lastActiveAt) : null,
    });
  },

  toPersistence(member: Member): MemberRow {
    const p = member.snapshot;
    return {
      _id: p.id,
      phone: p.phone,
      name: p.name,
      nameAlt: p.nameAlt,
      nameKeys: nameKeys(p.name, p.nameAlt),
      kind: p.kind,
      status: p.status,
      statusHistory: p.statusHistory,
      areaId: p.areaId,
      ancestors: p.ancestors,
      joinedAt: p.joinedAt,
      lastActiveAt: p.lastActiveAt,
    };
  },
};

export const PositionMapper = {
  toDomain(doc: PositionRow): Position {
    return Position.restore({
      type: doc.type as PositionType,
      areaId: doc.areaId,
      ancestors: doc.ancestors,
      holderId: doc.holderId,
      since: doc.since ? new Date(doc.since) : null,
      history: (doc.history ?? []).map((h) => ({
        ...h,
        since: new Date(h.since),
        until: h.until ? new Date(h.until) : null,
        reason: h.reason as never,
      })),
    });
  },

  toPersistence(position: Position): PositionRow {
    const p = position.snapshot;
    return {
      _id: positionId(p.type, p.areaId),
      type: p.type,
      areaId: p.areaId,
      ancestors: p.ancestors,
      holderId: p.holderId,
      since: p.since,
      history: p.history,
      holders: [...new Set([...p.history.map((h) => h.memberId), ...(p.holderId ? [p.holderId] : [])])],
    };
  },
};
