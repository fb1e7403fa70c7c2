import type { OutboxEntry } from '@sangathan/messaging';
import type { Panel, PanelStatus } from '../../domain/panel.entity';

/** A row of the leadership overview: status and dates only. */
export type PanelOverviewRow = {
  panelId: string;
  cycleId: string;
  seatId: string;
  seatLevel: 'lok-sabha' | 'assembly';
  zoneId: string;
  status: PanelStatus;
  deadline: Date;
  submittedAt: Date | null;
  submittedOnTime: boolean | null;
  returnCount: number;
  deadlineMissedAt: Date | null;
};

export type PanelOverviewFilter = {
  /** Only panels whose zone is this area or lies under it. */
  underAreaId: string;
  cycleId?: string;
  status?: PanelStatus;
  after?: string;
  limit: number;
};

export interface PanelRepositoryPort {
  load(id: string): Promise<{ panel: Panel; version: number } | null>;
  /** Null when no panel of `cycleId` is open for the seat. */
  findBySeat(cycleId: string, seatId: string): Promise<string | null>;
  /** Inserts a new panel with its first events; a second panel for the same seat and cycle is a ConflictError. */
  insert(panel: Panel, events: readonly OutboxEntry[]): Promise<void>;
  /** Saves state and events in one write guarded by `version`; a lost race throws ConcurrentChangeError. */
  save(panel: Panel, version: number, events: readonly OutboxEntry[]): Promise<void>;
  overview(filter: PanelOverviewFilter): Promise<PanelOverviewRow[]>;
  /** Panels not yet submitted whose deadline passed and whose miss is not raised yet. */
  missedDeadlines(now: Date, limit: number): Promise<string[]>;
}

export const PANEL_REPOSITORY = Symbol('PANEL_REPOSITORY');
