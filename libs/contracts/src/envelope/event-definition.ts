import type { z } from 'zod';
import type { EventEnvelope } from './event-envelope';

/** One (type, version) of an integration event: its topic, its payload schema and what it means. */
export interface EventDefinition<TPayload = unknown> {
  readonly type: string;
  readonly version: number;
  /** Topic name from the catalog (without any deployment prefix). */
  readonly topic: string;
  readonly description: string;
  readonly payload: z.ZodType<TPayload>;
}

export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;
export type EventOf<D> = EventEnvelope<PayloadOf<D>>;

export function defineEvent<TSchema extends z.ZodType>(definition: {
  type: string;
  version: number;
  topic: string;
  description: string;
  payload: TSchema;
}): EventDefinition<z.infer<TSchema>> {
  return definition as EventDefinition<z.infer<TSchema>>;
}

export const definitionKey = (type: string, version: number): string => `${type}@v${version}`;
