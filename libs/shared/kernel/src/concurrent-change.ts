import { ConflictError } from './application-error';

/** A version-guarded save missed because another request (or replica) changed the aggregate since it was read. */
export class ConcurrentChangeError extends ConflictError {}

/**
 * Runs a whole load → decide → guarded save again when the save lost a race, so concurrent writers of one
 * aggregate (on one replica or several) all land; only a change that keeps losing reaches the caller as a 409.
 */
export async function retryOnConcurrentChange<T>(operation: () => Promise<T>, attempts = 16): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= attempts) throw error;
      // Full jitter, growing: many writers of one aggregate spread out instead of colliding again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 4 * 2 ** attempt)));
    }
  }
}
