/** Upload limits (env overrides): a phone photo is 2-6 MB; HEIC is smaller. */
export function photoLimits(env: NodeJS.ProcessEnv = process.env): { maxBytes: number; maxFiles: number } {
  return {
    maxBytes: Number(env.PHOTO_MAX_BYTES ?? 10 * 1024 * 1024),
    maxFiles: Number(env.PHOTO_MAX_FILES ?? 5),
  };
}
