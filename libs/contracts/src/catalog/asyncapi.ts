import { z } from 'zod';
import { eventEnvelopeSchema } from '../envelope/event-envelope';
import { definitionKey } from '../envelope/event-definition';
import { deadLetterTopicName } from './topic-definition';
import { EventRegistry } from './event-registry';
import { exampleEvent } from './examples';

const messageName = (type: string, version: number) =>
  definitionKey(type, version).replace(/[^A-Za-z0-9]/g, '_');

/** Builds the AsyncAPI 3.0 document for every topic and event in the catalog (docs/asyncapi.json). */
export function buildAsyncApiDocument(registry = new EventRegistry()): Record<string, unknown> {
  const envelopeJson = z.toJSONSchema(eventEnvelopeSchema, { unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};

  for (const topic of registry.allTopics()) {
    const definitions = registry.allDefinitions().filter((d) => d.topic === topic.name);
    const channelMessages: Record<string, unknown> = {};
    for (const definition of definitions) {
      const name = messageName(definition.type, definition.version);
      const payloadJson = z.toJSONSchema(definition.payload, { unrepresentable: 'any' }) as Record<
        string,
        unknown
      >;
      const example = exampleEvent(definition, topic.owner);
      messages[name] = {
        name: definition.type,
        title: `${definition.type} v${definition.version}`,
        summary: definition.description,
        contentType: 'application/json',
        headers: {
          type: 'object',
          properties: {
            traceparent: {
              type: 'string',
              description: 'W3C trace context of the change that produced the event',
            },
            'event-type': { type: 'string', const: definition.type },
            'event-version': { type: 'string', const: String(definition.version) },
          },
        },
        payload: {
          allOf: [
            { ...envelopeJson, $schema: undefined },
            {
              type: 'object',
              properties: {
                type: { const: definition.type },
                version: { const: definition.version },
                payload: { ...payloadJson, $schema: undefined },
              },
            },
          ],
        },
        examples: [
          {
            name: `${name}_example`,
            summary: `A ${definition.type} v${definition.version} event as it is read from ${topic.name}`,
            headers: {
              traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
              'event-type': definition.type,
              'event-version': String(definition.version),
            },
            payload: example,
          },
        ],
      };
      channelMessages[name] = { $ref: `#/components/messages/${name}` };
    }
    const channelId = topic.name.replace(/\./g, '_');
    channels[channelId] = {
      address: topic.name,
      description: topic.description,
      messages: channelMessages,
      bindings: {
        kafka: {
          partitions: topic.partitions,
          topicConfiguration: { 'cleanup.policy': [topic.cleanupPolicy], 'retention.ms': topic.retentionMs },
        },
      },
      'x-key': topic.key,
      'x-owner': topic.owner,
      'x-dead-letter-topic': deadLetterTopicName(topic.name),
    };
    operations[`publish_${channelId}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      summary: `${topic.owner} publishes ${topic.name} (key: ${topic.key})`,
      messages: Object.keys(channelMessages).map((name) => ({
        $ref: `#/channels/${channelId}/messages/${name}`,
      })),
    };
  }
  return JSON.parse(
    JSON.stringify({
      asyncapi: '3.0.0',
      info: {
        title: 'Sangathan integration events',
        version: '1.0.0',
        description:
          'Every integration event of the platform, generated from libs/contracts. Envelope and evolution rules: docs/events.md.',
      },
      defaultContentType: 'application/json',
      channels,
      operations,
      components: { messages },
    }),
  );
}
