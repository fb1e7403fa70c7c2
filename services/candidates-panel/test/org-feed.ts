import {
  AreaCreatedV1,
  AreaMovedV1,
  createEvent,
  MemberDeactivatedV1,
  MemberJoinedV1,
  ORG_TOPICS,
  PositionAssignedV1,
  PositionVacatedV1,
  type AreaLevel,
  type EventDefinition,
  type PositionType,
} from '@sangathan/contracts';
import { KafkaConnection, kafkaSettingsFromEnv, toOutboxEntry } from '@sangathan/messaging';

/**
 * Publishes org events (as org's relay would) so tests drive the panel service's org-directory through the
 * real broker. Ancestors are tracked here so callers only name the parent.
 */
export class OrgFeed {
  private readonly kafka = new KafkaConnection(kafkaSettingsFromEnv('org-feed'));
  private readonly ancestors = new Map<string, string[]>();
  private pending: { topic: string; key: string; value: string }[] = [];

  async start(): Promise<void> {
    await this.kafka.ensureTopics(ORG_TOPICS);
  }

  private add<P>(definition: EventDefinition<P>, payload: P, key: string, areaId: string): void {
    const envelope = createEvent(definition, payload, {
      producer: 'org',
      areaId,
      areaPath: this.ancestors.get(areaId) ?? [],
      actorId: null,
      correlationId: 'org-feed',
    });
    const entry = toOutboxEntry(envelope, definition.topic, key);
    this.pending.push({ topic: this.kafka.topicName(entry.topic), key: entry.key, value: entry.value });
  }

  area(
    areaId: string,
    level: AreaLevel,
    parentId: string | null,
    extra: { lokSabhaId?: string; boothCount?: number; voterCount?: number; nameHi?: string } = {},
  ): this {
    const ancestors = parentId ? [...(this.ancestors.get(parentId) ?? []), parentId] : [];
    this.ancestors.set(areaId, ancestors);
    const { nameHi, ...sizes } = extra;
    this.add(
      AreaCreatedV1,
      { areaId, level, parentId, ancestors, nameEn: `Area ${areaId}`, nameHi: nameHi ?? null, ...sizes },
      areaId,
      areaId,
    );
    return this;
  }

  /** Moves `areaId` under `parentId` (org re-paths the subtree and sends one event). */
  move(
    areaId: string,
    level: AreaLevel,
    parentId: string,
    extra: { lokSabhaId?: string } = {},
    descendants: readonly string[] = [],
  ): this {
    const previousAncestors = this.ancestors.get(areaId) ?? [];
    const ancestors = [...(this.ancestors.get(parentId) ?? []), parentId];
    this.ancestors.set(areaId, ancestors);
    for (const id of descendants) {
      const path = this.ancestors.get(id) ?? [];
      this.ancestors.set(id, [...ancestors, ...path.slice(path.indexOf(areaId))]);
    }
    this.add(
      AreaMovedV1,
      {
        areaId,
        level,
        parentId,
        ancestors,
        nameEn: `Area ${areaId}`,
        nameHi: null,
        ...extra,
        previousParentId: previousAncestors.at(-1) ?? null,
        previousAncestors,
        descendantCount: descendants.length,
      },
      areaId,
      areaId,
    );
    return this;
  }

  member(memberId: string, name: string, nameAlt: string | null, areaId: string): this {
    const snapshot = {
      memberId,
      name,
      nameAlt,
      kind: 'office-bearer' as const,
      status: 'active' as const,
      areaId,
      ancestors: this.ancestors.get(areaId) ?? [],
      joinedAt: '2025-01-01T00:00:00.000Z',
    };
    this.add(MemberJoinedV1, snapshot, memberId, areaId);
    return this;
  }

  deactivate(memberId: string, name: string, areaId: string): this {
    const snapshot = {
      memberId,
      name,
      nameAlt: null,
      kind: 'office-bearer' as const,
      status: 'inactive' as const,
      areaId,
      ancestors: this.ancestors.get(areaId) ?? [],
      joinedAt: '2025-01-01T00:00:00.000Z',
    };
    this.add(
      MemberDeactivatedV1,
      { ...snapshot, reason: 'inactive for months', replacedBy: null },
      memberId,
      areaId,
    );
    return this;
  }

  assign(type: PositionType, areaId: string, memberId: string): this {
    const fields = {
      positionId: `${type}:${areaId}`,
      type,
      areaId,
      ancestors: this.ancestors.get(areaId) ?? [],
      itTeam: type.startsWith('it-cell') ? ('state' as const) : null,
      memberId,
    };
    this.add(
      PositionAssignedV1,
      { ...fields, previousHolderId: null, since: '2025-01-01T00:00:00.000Z' },
      memberId,
      areaId,
    );
    return this;
  }

  vacate(type: PositionType, areaId: string, memberId: string, successorId: string | null): this {
    const fields = {
      positionId: `${type}:${areaId}`,
      type,
      areaId,
      ancestors: this.ancestors.get(areaId) ?? [],
      itTeam: type.startsWith('it-cell') ? ('state' as const) : null,
      memberId,
    };
    this.add(
      PositionVacatedV1,
      {
        ...fields,
        reason: successorId ? 'replaced' : 'released',
        successorId,
        since: '2025-01-01T00:00:00.000Z',
        until: '2025-06-01T00:00:00.000Z',
      },
      memberId,
      areaId,
    );
    return this;
  }

  async flush(): Promise<void> {
    const producer = await this.kafka.producer();
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const m of this.pending)
      byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), { key: m.key, value: m.value }]);
    await producer.sendBatch({
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    this.pending = [];
  }

  async stop(): Promise<void> {
    await this.kafka.disconnect();
  }
}
