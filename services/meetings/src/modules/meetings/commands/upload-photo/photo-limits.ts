/**
 * Upload limits (env overrides): a phone photo is 2-6 MB; HEIC is smaller. `idleMs` bounds the
 * silence between two chunks of one upload, so a stalled client cannot hold its partial file open.
 */
export function photoLimits(env: NodeJS.ProcessEnv = process.env): {
  maxBytes: number;
  maxFiles: number;
  idleMs: number;
} {
  return {
    maxBytes: Number(env.PHOTO_MAX_BYTES ?? 10 * 1024 * 1024),
    maxFiles: Number(env.PHOTO_MAX_FILES ?? 5),
    idleMs: Number(env.PHOTO_IDLE_TIMEOUT_MS ?? 30_000),
  };
}
