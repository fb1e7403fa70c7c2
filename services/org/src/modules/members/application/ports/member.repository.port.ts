import type { OutboxEntry } from '@sangathan/messaging';
import type { Member } from '../../domain/member.entity';
import type { Position } from '../../domain/position.entity';

export type Loaded<T> = { value: T; version: number };

/** Persistence port for members (adapter: infrastructure/member.repository.ts). */
export interface MemberRepositoryPort {
  load(id: string): Promise<Loaded<Member> | null>;
  findByPhone(phone: string): Promise<Member | null>;
  /** Inserts with its events; 409 naming `phone` when the phone is taken. */
  insert(member: Member, events: OutboxEntry[]): Promise<void>;
  /** Saves if unchanged since `version`; 409 on a concurrent change or a taken phone. */
  update(member: Member, version: number, events: OutboxEntry[]): Promise<void>;
  /** Up to `limit` members matching `filter` (a Mongo filter the list query shapes), in `_id` order. */
  list(filter: Record<string, unknown>, limit: number): Promise<Member[]>;
}

/** Persistence port for positions (adapter: infrastructure/position.repository.ts). */
export interface PositionRepositoryPort {
  load(id: string): Promise<Loaded<Position> | null>;
  /** Inserts a new position document or updates one unchanged since `version` (null = new). */
  save(position: Position, version: number | null, events: OutboxEntry[]): Promise<void>;
  heldBy(memberId: string): Promise<Loaded<Position>[]>;
  list(filter: Record<string, unknown>, limit: number): Promise<Position[]>;
}

export const MEMBER_REPOSITORY = Symbol('MemberRepositoryPort');
export const POSITION_REPOSITORY = Symbol('PositionRepositoryPort');
