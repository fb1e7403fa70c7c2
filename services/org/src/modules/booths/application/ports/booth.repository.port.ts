import type { OutboxEntry } from '@sangathan/messaging';
import type { Booth, Coverage } from '../../domain/booth.entity';

/**
 * Persistence port for booth coverage (adapter: infrastructure/booth.repository.ts), kept on the booth's own
 * area document so a change and its events are one single-document write.
 */
export interface BoothRepositoryPort {
  /** The booth with the version its next save must match; 404 if unknown, 400 if the area is not a booth. */
  load(boothId: string): Promise<{ booth: Booth; version: number }>;
  /** Saves the booth's coverage with its events if unchanged since `version` (else `ConcurrentChangeError`). */
  save(booth: Booth, version: number, events: OutboxEntry[]): Promise<void>;
  /** Coverage summed over every booth matching `filter`. */
  coverage(filter: Record<string, unknown>): Promise<Coverage>;
}

export const BOOTH_REPOSITORY = Symbol('BoothRepositoryPort');
