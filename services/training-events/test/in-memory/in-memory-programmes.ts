import { clone } from './clone';
import type { OutboxEntry } from '@sangathan/messaging';
import type { PageRequest } from '../../src/modules/training/application/ports/page-request';
import type { ProgrammeRepositoryPort } from '../../src/modules/training/application/ports/programme-repository.port';
import type { ProgrammeState, ProgrammeSummary } from '../../src/modules/training/domain/training-state';
import { recorded, type RecordedEvent } from './recorded-events';

/** ProgrammeRepositoryPort in memory, with the same guards as the MongoDB adapter. */
export class InMemoryProgrammes implements ProgrammeRepositoryPort {
  readonly items = new Map<string, ProgrammeState>();
  readonly outbox: OutboxEntry[] = [];

  get events(): RecordedEvent[] {
    return recorded(this.outbox);
  }

  async findById(id: string): Promise<ProgrammeSummary | null> {
    const found = this.items.get(id);
    return found ? withoutPlan(found) : null;
  }

  async insert(programme: ProgrammeState, events: readonly OutboxEntry[]): Promise<void> {
    if (this.items.has(programme._id)) throw Object.assign(new Error('duplicate key'), { code: 11000 });
    this.items.set(programme._id, clone(programme));
    this.outbox.push(...events);
  }

  async findResumable(now: Date, limit: number): Promise<string[]> {
    return [...this.items.values()]
      .filter((p) => p.materialisation === 'pending' && (!p.leaseUntil || p.leaseUntil < now))
      .slice(0, limit)
      .map((p) => p._id);
  }

  async claimLease(id: string, now: Date, until: Date): Promise<ProgrammeState | null> {
    const p = this.items.get(id);
    if (!p || p.materialisation !== 'pending' || (p.leaseUntil && p.leaseUntil >= now)) return null;
    p.leaseUntil = until;
    return clone(p);
  }

  async renewLease(id: string, until: Date): Promise<void> {
    const p = this.items.get(id);
    if (p) p.leaseUntil = until;
  }

  async markMaterialised(id: string, at: Date): Promise<ProgrammeSummary | null> {
    const p = this.items.get(id);
    if (!p || p.materialisation !== 'pending') return null;
    Object.assign(p, { materialisation: 'done', materialisedAt: at, leaseUntil: null });
    return withoutPlan(p);
  }

  async addInvited(id: string, count: number): Promise<void> {
    const p = this.items.get(id);
    if (p) p.invitedCount += count;
  }

  async addSessionInvited(id: string): Promise<void> {
    const p = this.items.get(id);
    if (p) p.sessionsInvited += 1;
  }

  async idsInvitingPositionType(positionType: string): Promise<string[]> {
    return [...this.items.values()].filter((p) => p.audienceTypes.includes(positionType)).map((p) => p._id);
  }

  async pageAround(
    area: { areaId: string; areaPath: readonly string[] },
    page: PageRequest,
  ): Promise<ProgrammeSummary[]> {
    return [...this.items.values()]
      .filter(
        (p) =>
          p.areaId === area.areaId || p.ancestors.includes(area.areaId) || area.areaPath.includes(p.areaId),
      )
      .filter((p) => page.afterId === null || p._id > page.afterId)
      .sort((a, b) => (a._id < b._id ? -1 : 1))
      .slice(0, page.limit + 1)
      .map(withoutPlan);
  }
}

function withoutPlan(programme: ProgrammeState): ProgrammeSummary {
  const { plannedSessions: _plan, ...summary } = clone(programme);
  return summary;
}
