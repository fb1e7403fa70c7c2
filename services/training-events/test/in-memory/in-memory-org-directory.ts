import { clone } from './clone';
import type { AreaLevel } from '@sangathan/contracts';
import type {
  AreaFacts,
  AudienceMember,
  KnownArea,
  KnownMember,
  MemberFacts,
  OrgDirectoryPort,
  PositionFacts,
} from '../../src/modules/org-directory/application/ports/org-directory.port';

type Applied<T> = T & { lastEventId: string };

/**
 * OrgDirectoryPort in memory: areas, members and positions as the event controllers leave them, with the
 * same "apply only if newer" guard, and the same Lok Sabha cross-link coverage as the MongoDB adapter.
 */
export class InMemoryOrgDirectory implements OrgDirectoryPort {
  readonly areas = new Map<string, Applied<AreaFacts>>();
  readonly members = new Map<string, Applied<MemberFacts>>();
  readonly positions = new Map<string, Applied<PositionFacts>>();

  async findArea(areaId: string): Promise<KnownArea | null> {
    const a = this.areas.get(areaId);
    return a ? toArea(areaId, a) : null;
  }

  async findAreas(ids: readonly string[]): Promise<KnownArea[]> {
    return ids.flatMap((id) => (this.areas.has(id) ? [toArea(id, this.areas.get(id)!)] : []));
  }

  async areasAtLevelUnder(level: AreaLevel, rootId: string): Promise<KnownArea[]> {
    return [...this.areas.entries()]
      .filter(([id, a]) => a.level === level && (id === rootId || a.ancestors.includes(rootId)))
      .map(([id, a]) => toArea(id, a))
      .sort((a, b) => (a.areaId < b.areaId ? -1 : 1));
  }

  async coverageMap(areas: readonly KnownArea[]): Promise<Map<string, string>> {
    const map = new Map<string, string>(areas.map((a) => [a.areaId, a.areaId]));
    const seats = new Set(areas.filter((a) => a.level === 'lok-sabha').map((a) => a.areaId));
    for (const [id, a] of this.areas)
      if (a.level === 'assembly' && a.lokSabhaId && seats.has(a.lokSabhaId)) map.set(id, a.lokSabhaId);
    return map;
  }

  async livesIn(member: KnownMember, areaId: string): Promise<boolean> {
    if (member.areaId === areaId || member.ancestors.includes(areaId)) return true;
    const area = await this.findArea(areaId);
    if (area?.level !== 'lok-sabha') return false;
    const coverage = await this.coverageMap([area]);
    return [member.areaId, ...member.ancestors].some((id) => coverage.has(id));
  }

  async countAudience(types: readonly string[], coverage: ReadonlyMap<string, string>): Promise<number> {
    return [...(await this.audienceByArea(types, coverage)).values()].flat().length;
  }

  async audienceByArea(
    types: readonly string[],
    coverage: ReadonlyMap<string, string>,
  ): Promise<Map<string, AudienceMember[]>> {
    const result = new Map<string, AudienceMember[]>();
    for (const [positionId, p] of [...this.positions.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!types.includes(p.type) || p.memberId === null) continue;
      const root = [p.areaId, ...[...p.ancestors].reverse()].find((id) => coverage.has(id));
      const member = this.members.get(p.memberId);
      if (!root || (member && member.status !== 'active')) continue;
      const list = result.get(coverage.get(root)!) ?? [];
      if (list.some((m) => m.memberId === p.memberId)) continue;
      list.push({
        memberId: p.memberId,
        positionId,
        memberAreaId: p.areaId,
        name: member?.name ?? p.memberId,
        nameAlt: member?.nameAlt ?? null,
      });
      result.set(coverage.get(root)!, list);
    }
    return result;
  }

  async findMember(memberId: string): Promise<KnownMember | null> {
    const m = this.members.get(memberId);
    return m
      ? {
          memberId,
          name: m.name,
          nameAlt: m.nameAlt,
          status: m.status,
          areaId: m.areaId,
          ancestors: m.ancestors,
        }
      : null;
  }

  async applyArea(areaId: string, eventId: string, facts: AreaFacts): Promise<boolean> {
    return apply(this.areas, areaId, eventId, facts);
  }

  async repathUnder(areaId: string, newAncestors: readonly string[]): Promise<void> {
    for (const doc of [...this.areas.values(), ...this.positions.values()]) {
      const at = doc.ancestors.indexOf(areaId);
      if (at >= 0) doc.ancestors = [...newAncestors, areaId, ...doc.ancestors.slice(at + 1)];
    }
  }

  async applyPosition(positionId: string, eventId: string, facts: PositionFacts): Promise<boolean> {
    return apply(this.positions, positionId, eventId, facts);
  }

  async applyMember(memberId: string, eventId: string, facts: MemberFacts): Promise<boolean> {
    return apply(this.members, memberId, eventId, facts);
  }
}

function apply<T>(map: Map<string, Applied<T>>, id: string, eventId: string, facts: T): boolean {
  const existing = map.get(id);
  if (existing && existing.lastEventId >= eventId) return false;
  map.set(id, { ...clone(facts), lastEventId: eventId });
  return true;
}

function toArea(areaId: string, a: AreaFacts): KnownArea {
  return {
    areaId,
    level: a.level,
    ancestors: [...a.ancestors],
    nameEn: a.nameEn,
    nameHi: a.nameHi,
    lokSabhaId: a.lokSabhaId,
    boothCount: a.boothCount,
    voterCount: a.voterCount,
  };
}

/**
 * Seeds an in-memory directory the way org's events would: areas by parent (ancestors derived), members
 * and position holders, each with a newer event id than the last.
 */
export class DirectorySeed {
  private next = 0;
  constructor(private readonly directory: InMemoryOrgDirectory) {}

  private eventId(): string {
    this.next += 1;
    return `evt-${String(this.next).padStart(6, '0')}`;
  }

  area(
    id: string,
    level: AreaLevel,
    parentId: string | null,
    extra: Partial<Pick<AreaFacts, 'lokSabhaId' | 'boothCount' | 'voterCount' | 'nameHi'>> = {},
  ): this {
    const parent = parentId ? this.directory.areas.get(parentId) : undefined;
    const ancestors = parentId ? [...(parent?.ancestors ?? []), parentId] : [];
    void this.directory.applyArea(id, this.eventId(), {
      level,
      parentId,
      ancestors,
      nameEn: id,
      nameHi: extra.nameHi ?? null,
      lokSabhaId: extra.lokSabhaId ?? null,
      boothCount: extra.boothCount ?? null,
      voterCount: extra.voterCount ?? null,
    });
    return this;
  }

  member(id: string, name: string, areaId: string, status = 'active'): this {
    const ancestors = this.directory.areas.get(areaId)?.ancestors ?? [];
    void this.directory.applyMember(id, this.eventId(), { name, nameAlt: null, status, areaId, ancestors });
    return this;
  }

  assign(type: string, areaId: string, memberId: string | null): this {
    const ancestors = this.directory.areas.get(areaId)?.ancestors ?? [];
    void this.directory.applyPosition(`${type}:${areaId}`, this.eventId(), {
      type,
      areaId,
      ancestors,
      memberId,
    });
    return this;
  }
}

/** The org hierarchy the training specs use: two Lok Sabha seats whose assembly seats sit under districts. */
export function seededDirectory(): InMemoryOrgDirectory {
  const directory = new InMemoryOrgDirectory();
  new DirectorySeed(directory)
    .area('IN', 'national', null)
    .area('UP', 'state', 'IN')
    .area('D-1', 'district', 'UP')
    .area('D-9', 'district', 'UP')
    .area('LS-1', 'lok-sabha', 'UP', { boothCount: 1000 })
    .area('LS-2', 'lok-sabha', 'UP', { boothCount: 2000 })
    .area('AC-1', 'assembly', 'D-1', { lokSabhaId: 'LS-1' })
    .area('AC-9', 'assembly', 'D-9', { lokSabhaId: 'LS-2' })
    .area('M-1', 'mandal', 'AC-1', { lokSabhaId: 'LS-1' })
    .area('M-9', 'mandal', 'AC-9', { lokSabhaId: 'LS-2' })
    .member('m1', 'Ram Kumar', 'M-1')
    .member('m2', 'Sita Devi', 'M-1')
    .member('m9', 'Meena Yadav', 'M-9')
    .member('gone', 'Inactive Ivan', 'M-1', 'inactive')
    .assign('it-cell-mandal', 'M-1', 'm1')
    .assign('it-cell-assembly', 'AC-1', 'm2')
    .assign('it-cell-mandal', 'M-9', 'm9');
  return directory;
}
