/** Moves members' `lastActiveAt` forward (adapter: infrastructure/last-active.repository.ts). */
export interface LastActiveRepositoryPort {
  /** Sets each member's last activity to the given moment unless a later one is stored; answers how many changed. */
  advance(latest: Map<string, Date>): Promise<number>;
}

export const LAST_ACTIVE_REPOSITORY = Symbol('LastActiveRepositoryPort');
