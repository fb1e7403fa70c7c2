import type { EventDefinition, EventEnvelope } from '@sangathan/contracts';
import type { Pseudonymiser } from './pseudonymiser';

/** An analyst event to publish: its contract, its payload and its message key. */
export type AnalystEvent<P = unknown> = { definition: EventDefinition<P>; payload: P; key: string };

/** A pure mapping from one internal event to the analyst events it becomes (none when nothing is for analysts). */
export type Redaction<P> = (event: EventEnvelope<P>, pseudonyms: Pseudonymiser) => AnalystEvent[];

export function analystEvent<P>(definition: EventDefinition<P>, payload: P, key: string): AnalystEvent {
  return { definition, payload, key } as AnalystEvent;
}
