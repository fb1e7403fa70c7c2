import { clone } from './clone';
import type { OutboxEntry } from '@sangathan/messaging';
import type { PageRequest } from '../../src/modules/training/application/ports/page-request';
import type {
  ParticipantChange,
  ParticipantGuard,
  ParticipantRepositoryPort,
  SessionCounts,
  Turnout,
} from '../../src/modules/training/application/ports/participant-repository.port';
import { participantIdOf, type RsvpStatus } from '../../src/modules/training/domain/participant.entity';
import type { ParticipantState } from '../../src/modules/training/domain/training-state';
import { recorded, type RecordedEvent } from './recorded-events';

const byId = (a: ParticipantState, b: ParticipantState) => (a._id < b._id ? -1 : 1);

function holds(p: ParticipantState, guard: ParticipantGuard): boolean {
  if (guard.status !== undefined && p.status !== guard.status) return false;
  if (guard.attended !== undefined && (p.attendedAt !== null) !== guard.attended) return false;
  if (guard.completed !== undefined && (p.completedAt !== null) !== guard.completed) return false;
  if (guard.feedbackGiven !== undefined && (p.feedbackAt !== null) !== guard.feedbackGiven) return false;
  return true;
}

/**
 * ParticipantRepositoryPort in memory, with the same guards as the MongoDB adapter. A participant whose
 * invitation batch is set counts as "invitation maybe unpublished", so `saveIfInvitationPublished`
 * declines it and the caller takes the path that reads the participant first.
 */
export class InMemoryParticipants implements ParticipantRepositoryPort {
  readonly items = new Map<string, ParticipantState>();
  readonly outbox: OutboxEntry[] = [];

  get events(): RecordedEvent[] {
    return recorded(this.outbox);
  }

  add(participant: ParticipantState): void {
    this.items.set(participant._id, clone(participant));
  }

  get(sessionId: string, memberId: string): ParticipantState | undefined {
    return this.items.get(participantIdOf(sessionId, memberId));
  }

  async find(sessionId: string, memberId: string): Promise<ParticipantState | null> {
    const found = this.get(sessionId, memberId);
    return found ? clone(found) : null;
  }

  async save(
    participant: Pick<ParticipantState, '_id' | 'invitationBatchId'>,
    guard: ParticipantGuard,
    change: ParticipantChange,
    events: readonly OutboxEntry[],
  ): Promise<ParticipantState | null> {
    return this.write(participant._id, guard, change, events);
  }

  async saveIfInvitationPublished(
    participantId: string,
    _sessionId: string,
    guard: ParticipantGuard,
    change: ParticipantChange,
    events: readonly OutboxEntry[],
  ): Promise<ParticipantState | null> {
    if (this.items.get(participantId)?.invitationBatchId) return null;
    return this.write(participantId, guard, change, events);
  }

  async insert(participant: ParticipantState, events: readonly OutboxEntry[]): Promise<boolean> {
    if (this.items.has(participant._id)) return false;
    this.add(participant);
    this.outbox.push(...events);
    return true;
  }

  async insertInvited(participants: readonly ParticipantState[]): Promise<string[]> {
    const existed: string[] = [];
    for (const p of participants) {
      if (this.items.has(p._id)) existed.push(p._id);
      else this.add(p);
    }
    return existed;
  }

  async pointingToBatch(batchId: string, participantIds: readonly string[]): Promise<Set<string>> {
    return new Set(participantIds.filter((id) => this.items.get(id)?.invitationBatchId === batchId));
  }

  async firstOnWaitlist(sessionId: string): Promise<ParticipantState | null> {
    const waiting = this.ofSession(sessionId)
      .filter((p) => p.status === 'waitlisted')
      .sort((a, b) => a.waitlistedAt!.getTime() - b.waitlistedAt!.getTime() || byId(a, b));
    return waiting[0] ? clone(waiting[0]) : null;
  }

  async turnout(sessionId: string): Promise<Turnout> {
    const all = this.ofSession(sessionId);
    return {
      invitedCount: all.filter((p) => !p.walkIn).length,
      registeredCount: all.filter((p) => p.status === 'registered').length,
      attendedCount: all.filter((p) => p.attendedAt !== null).length,
      walkInCount: all.filter((p) => p.walkIn).length,
      completedCount: all.filter((p) => p.completedAt !== null).length,
    };
  }

  async countsBySession(sessionIds: readonly string[]): Promise<Map<string, SessionCounts>> {
    const counts = new Map<string, SessionCounts>();
    for (const id of sessionIds) {
      const all = this.ofSession(id);
      if (all.length === 0) continue;
      const where = (test: (p: ParticipantState) => boolean) => all.filter(test).length;
      counts.set(id, {
        invited: where((p) => !p.walkIn),
        walkIns: where((p) => p.walkIn),
        registered: where((p) => p.status === 'registered'),
        waitlisted: where((p) => p.status === 'waitlisted'),
        declined: where((p) => p.status === 'declined'),
        attended: where((p) => p.attendedAt !== null),
        completed: where((p) => p.completedAt !== null),
      });
    }
    return counts;
  }

  async pageOfSession(
    sessionId: string,
    filter: { status?: RsvpStatus; attended?: boolean },
    page: PageRequest,
  ): Promise<ParticipantState[]> {
    return this.page(
      this.ofSession(sessionId).filter((p) => holds(p, filter)),
      page,
    );
  }

  async pageOfNoShows(sessionIds: readonly string[], page: PageRequest): Promise<ParticipantState[]> {
    return this.page(
      [...this.items.values()].filter(
        (p) => sessionIds.includes(p.sessionId) && !p.walkIn && p.attendedAt === null,
      ),
      page,
    );
  }

  private ofSession(sessionId: string): ParticipantState[] {
    return [...this.items.values()].filter((p) => p.sessionId === sessionId);
  }

  private page(items: ParticipantState[], page: PageRequest): ParticipantState[] {
    return items
      .filter((p) => page.afterId === null || p._id > page.afterId)
      .sort(byId)
      .slice(0, page.limit + 1);
  }

  private write(
    id: string,
    guard: ParticipantGuard,
    change: ParticipantChange,
    events: readonly OutboxEntry[],
  ): ParticipantState | null {
    const p = this.items.get(id);
    if (!p || !holds(p, guard)) return null;
    Object.assign(p, clone(change), { invitationBatchId: null });
    this.outbox.push(...events);
    return clone(p);
  }
}
