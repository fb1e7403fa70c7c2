import { eventEnvelopeSchema, type EventEnvelope } from '../envelope/event-envelope';
import { definitionKey, type EventDefinition } from '../envelope/event-definition';
import { EVENT_DEFINITIONS, TOPICS } from './catalog';
import { compileContractCheck, NOT_ACCEPTED, type ContractCheck } from './contract-check';
import type { TopicDefinition } from './topic-definition';

export type ValidationOutcome =
  | { ok: true; event: EventEnvelope; definition: EventDefinition }
  | {
      ok: false;
      reason: 'malformed-json' | 'invalid-envelope' | 'unknown-event' | 'invalid-payload' | 'wrong-topic';
      message: string;
    };

/** Looks up event definitions and validates raw messages against them. */
export class EventRegistry {
  private readonly definitions = new Map<string, EventDefinition>();
  private readonly topics = new Map<string, TopicDefinition>();
  /** Compiled acceptance checks (see compileContractCheck); zod decides whatever they do not accept. */
  private readonly fastEnvelope: ContractCheck | undefined;
  private readonly fastPayloads = new Map<EventDefinition, ContractCheck>();

  constructor(
    definitions: readonly EventDefinition[] = EVENT_DEFINITIONS,
    topics: readonly TopicDefinition[] = TOPICS,
    compile: (schema: EventDefinition['payload']) => ContractCheck | undefined = compileContractCheck,
  ) {
    this.fastEnvelope = compile(eventEnvelopeSchema);
    for (const topic of topics) this.topics.set(topic.name, topic);
    for (const definition of definitions) {
      const key = definitionKey(definition.type, definition.version);
      if (this.definitions.has(key)) throw new Error(`event ${key} is defined twice`);
      if (!this.topics.has(definition.topic))
        throw new Error(`event ${key} names unknown topic ${definition.topic}`);
      this.definitions.set(key, definition);
      const fast = compile(definition.payload);
      if (fast) this.fastPayloads.set(definition, fast);
    }
  }

  get(type: string, version: number): EventDefinition | undefined {
    return this.definitions.get(definitionKey(type, version));
  }

  allDefinitions(): EventDefinition[] {
    return [...this.definitions.values()];
  }

  topic(name: string): TopicDefinition | undefined {
    return this.topics.get(name);
  }

  allTopics(): TopicDefinition[] {
    return [...this.topics.values()];
  }

  /**
   * Validates a raw message value read from `topic` (catalog name, without prefix). `checksPayload` says which
   * definitions' payloads to check (default all): a consumer that handles none of an event's kind has no use for
   * its payload, and the group that does handle it is the one that dead-letters a bad one.
   */
  validate(
    raw: Buffer | string | null,
    topic?: string,
    checksPayload?: (definition: EventDefinition) => boolean,
  ): ValidationOutcome {
    let json: unknown;
    try {
      json = JSON.parse(raw === null ? '' : raw.toString());
    } catch (error) {
      return { ok: false, reason: 'malformed-json', message: (error as Error).message };
    }
    const accepted = this.acceptFast(json, topic, checksPayload);
    if (accepted) return accepted;
    const envelope = eventEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      return { ok: false, reason: 'invalid-envelope', message: summarize(envelope.error.issues) };
    }
    const { type, version } = envelope.data;
    const definition = this.get(type, version);
    if (!definition) {
      return {
        ok: false,
        reason: 'unknown-event',
        message: `no definition for ${definitionKey(type, version)}`,
      };
    }
    if (topic !== undefined && definition.topic !== topic) {
      return {
        ok: false,
        reason: 'wrong-topic',
        message: `${definitionKey(type, version)} belongs on ${definition.topic}, not ${topic}`,
      };
    }
    if (checksPayload && !checksPayload(definition))
      return { ok: true, event: envelope.data as EventEnvelope, definition };
    const payload = definition.payload.safeParse(envelope.data.payload);
    if (!payload.success) {
      return { ok: false, reason: 'invalid-payload', message: summarize(payload.error.issues) };
    }
    const event = envelope.data as EventEnvelope; // zod returned a fresh object: reuse it, no copy
    event.payload = payload.data;
    return { ok: true, event, definition };
  }

  /** The outcome for a valid message through the compiled checks, or undefined to let zod decide (and explain). */
  private acceptFast(
    json: unknown,
    topic: string | undefined,
    checksPayload?: (definition: EventDefinition) => boolean,
  ): ValidationOutcome | undefined {
    const envelope = this.fastEnvelope?.(json);
    if (envelope === undefined || envelope === NOT_ACCEPTED) return undefined;
    const event = envelope as EventEnvelope;
    const definition = this.get(event.type, event.version);
    if (!definition || (topic !== undefined && definition.topic !== topic)) return undefined;
    if (checksPayload && !checksPayload(definition)) return { ok: true, event, definition };
    const payload = this.fastPayloads.get(definition)?.(event.payload) ?? NOT_ACCEPTED;
    if (payload === NOT_ACCEPTED) return undefined;
    event.payload = payload;
    return { ok: true, event, definition };
  }
}

function summarize(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
