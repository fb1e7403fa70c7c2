import type { Prospect } from '../../domain/prospect.entity';

export interface ProspectRepositoryPort {
  /** Adds a prospect; the same person twice on one panel is a ConflictError. */
  add(prospect: Prospect): Promise<void>;
  get(id: string): Promise<Prospect | null>;
  listByPanel(panelId: string): Promise<Prospect[]>;
  /** The keyed hash that identifies the person across panels (never the identity itself). */
  personKeyOf(prospect: Prospect): string;
}

export const PROSPECT_REPOSITORY = Symbol('PROSPECT_REPOSITORY');
