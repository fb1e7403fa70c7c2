import { clone } from './clone';
import type { OutboxEntry } from '@sangathan/messaging';
import type { PageRequest } from '../../src/modules/training/application/ports/page-request';
import type {
  NewSession,
  SessionChange,
  SessionGuard,
  SessionRepositoryPort,
} from '../../src/modules/training/application/ports/session-repository.port';
import type { SessionState } from '../../src/modules/training/domain/training-state';
import { recorded, type RecordedEvent } from './recorded-events';

const byId = (a: SessionState, b: SessionState) => (a._id < b._id ? -1 : 1);

/** SessionRepositoryPort in memory, with the same guards (status, start, seats) as the MongoDB adapter. */
export class InMemorySessions implements SessionRepositoryPort {
  readonly items = new Map<string, SessionState>();
  readonly seats = new Map<string, string[]>();
  readonly outbox: OutboxEntry[] = [];

  get events(): RecordedEvent[] {
    return recorded(this.outbox);
  }

  add(session: SessionState, seated: string[] = []): void {
    this.items.set(session._id, clone({ ...session, registeredCount: seated.length }));
    this.seats.set(session._id, [...seated]);
  }

  async findById(id: string): Promise<SessionState | null> {
    const found = this.items.get(id);
    return found ? clone(found) : null;
  }

  async idsOfProgramme(programmeId: string): Promise<string[]> {
    return [...this.items.values()].filter((s) => s.programmeId === programmeId).map((s) => s._id);
  }

  async insertNew(sessions: readonly NewSession[]): Promise<void> {
    for (const { session, events } of sessions) {
      if (this.items.has(session._id)) continue;
      this.add(session);
      this.outbox.push(...events);
    }
  }

  async save(
    id: string,
    guard: SessionGuard,
    change: SessionChange,
    events: readonly OutboxEntry[],
  ): Promise<SessionState | null> {
    const s = this.items.get(id);
    if (!s || s.status !== guard.status) return null;
    if (guard.startsAt && s.startsAt.getTime() !== guard.startsAt.getTime()) return null;
    Object.assign(s, clone(change));
    this.outbox.push(...events);
    return clone(s);
  }

  async awaitingInvitations(programmeId: string): Promise<SessionState[]> {
    return [...this.items.values()]
      .filter((s) => s.programmeId === programmeId && s.invitations === 'pending')
      .sort(byId);
  }

  async markInvitationsDone(id: string): Promise<boolean> {
    const s = this.items.get(id);
    if (!s || s.invitations !== 'pending') return false;
    s.invitations = 'done';
    return true;
  }

  async addInvited(id: string, count: number): Promise<void> {
    const s = this.items.get(id);
    if (s) s.invitedCount += count;
  }

  async claimSeat(sessionId: string, memberId: string, capacity: number | null): Promise<boolean> {
    const s = this.items.get(sessionId);
    const seated = this.seats.get(sessionId) ?? [];
    if (seated.includes(memberId)) return true;
    if (!s || s.status !== 'scheduled' || (capacity !== null && s.registeredCount >= capacity)) return false;
    seated.push(memberId);
    this.seats.set(sessionId, seated);
    s.registeredCount += 1;
    return true;
  }

  async releaseSeat(sessionId: string, memberId: string): Promise<boolean> {
    const seated = this.seats.get(sessionId) ?? [];
    if (!seated.includes(memberId)) return false;
    this.seats.set(
      sessionId,
      seated.filter((m) => m !== memberId),
    );
    this.items.get(sessionId)!.registeredCount -= 1;
    return true;
  }

  async upcomingInvitedAt(
    programmeIds: readonly string[],
    areaIds: readonly string[],
    now: Date,
  ): Promise<SessionState[]> {
    return [...this.items.values()].filter(
      (s) =>
        programmeIds.includes(s.programmeId) &&
        areaIds.includes(s.areaId) &&
        s.status === 'scheduled' &&
        s.invitations === 'done' &&
        s.startsAt > now,
    );
  }

  async pageOfProgramme(
    programmeId: string,
    subtreeOf: string | null,
    page: PageRequest,
  ): Promise<SessionState[]> {
    return (await this.allOfProgramme(programmeId, subtreeOf))
      .filter((s) => page.afterId === null || s._id > page.afterId)
      .slice(0, page.limit + 1);
  }

  async allOfProgramme(programmeId: string, subtreeOf: string | null): Promise<SessionState[]> {
    return [...this.items.values()]
      .filter((s) => s.programmeId === programmeId)
      .filter((s) => subtreeOf === null || s.areaId === subtreeOf || s.ancestors.includes(subtreeOf))
      .sort(byId);
  }
}
