import {
  AreaCreatedV1,
  createEvent,
  MemberJoinedV1,
  PositionAssignedV1,
  TOPICS,
  type AreaLevel,
  type EventDefinition,
  type EventEnvelope,
  type PositionType,
} from '@sangathan/contracts';
import { KafkaConnection, kafkaSettingsFromEnv, toOutboxEntry } from '@sangathan/messaging';

/**
 * Publishes events as their owners' relays would (org's areas, members and positions; training, meetings,
 * analytics), so tests drive notifications through the real broker. Ancestors are tracked here.
 */
export class EventFeed {
  private readonly kafka = new KafkaConnection(kafkaSettingsFromEnv('notifications-feed'));
  readonly ancestors = new Map<string, string[]>();

  async start(): Promise<void> {
    await this.kafka.ensureTopics(TOPICS.filter((t) => t.owner !== 'notifications'));
  }

  async stop(): Promise<void> {
    await this.kafka.disconnect();
  }

  /** The envelope of an event, not yet sent (to send it twice, as a redelivery would). */
  envelope<P>(definition: EventDefinition<P>, payload: P, areaId: string): EventEnvelope<P> {
    return createEvent(definition, payload, {
      producer: definition.type.split('.')[0],
      areaId,
      areaPath: this.ancestors.get(areaId) ?? [],
      actorId: null,
      correlationId: 'notifications-feed',
    });
  }

  async send(
    envelopes: { definition: EventDefinition; envelope: EventEnvelope; key: string }[],
  ): Promise<void> {
    const producer = await this.kafka.producer();
    await producer.sendBatch({
      topicMessages: envelopes.map(({ definition, envelope, key }) => {
        const entry = toOutboxEntry(envelope, definition.topic, key);
        return {
          topic: this.kafka.topicName(entry.topic),
          messages: [{ key: entry.key, value: entry.value }],
        };
      }),
    });
  }

  async publish<P>(
    definition: EventDefinition<P>,
    payload: P,
    key: string,
    areaId: string,
  ): Promise<EventEnvelope<P>> {
    const envelope = this.envelope(definition, payload, areaId);
    await this.send([{ definition: definition as EventDefinition, envelope, key }]);
    return envelope;
  }

  area(areaId: string, level: AreaLevel, parentId: string | null, nameHi: string | null = null) {
    const ancestors = parentId ? [...(this.ancestors.get(parentId) ?? []), parentId] : [];
    this.ancestors.set(areaId, ancestors);
    return {
      definition: AreaCreatedV1 as EventDefinition,
      envelope: this.envelope(
        AreaCreatedV1,
        { areaId, level, parentId, ancestors, nameEn: `Area ${areaId}`, nameHi },
        areaId,
      ),
      key: areaId,
    };
  }

  member(memberId: string, name: string, areaId: string) {
    return {
      definition: MemberJoinedV1 as EventDefinition,
      envelope: this.envelope(
        MemberJoinedV1,
        {
          memberId,
          name,
          nameAlt: null,
          kind: 'office-bearer',
          status: 'active',
          areaId,
          ancestors: this.ancestors.get(areaId) ?? [],
          joinedAt: '2025-01-01T00:00:00.000Z',
        },
        areaId,
      ),
      key: memberId,
    };
  }

  assign(type: PositionType, areaId: string, memberId: string) {
    return {
      definition: PositionAssignedV1 as EventDefinition,
      envelope: this.envelope(
        PositionAssignedV1,
        {
          positionId: `${type}:${areaId}`,
          type,
          areaId,
          ancestors: this.ancestors.get(areaId) ?? [],
          itTeam: null,
          memberId,
          previousHolderId: null,
          since: '2025-01-01T00:00:00.000Z',
        },
        areaId,
      ),
      key: memberId,
    };
  }
}
