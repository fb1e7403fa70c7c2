/**
 * When `movedId` moves, every descendant's ancestors change prefix: what came before `movedId`
 * becomes `newAncestors`; what follows it stays. Applying it twice gives the same result, so a
 * redelivered org.area.moved is harmless.
 */
export function repath(
  ancestors: readonly string[],
  movedId: string,
  newAncestors: readonly string[],
): string[] {
  const at = ancestors.indexOf(movedId);
  if (at < 0) return [...ancestors];
  return [...newAncestors, movedId, ...ancestors.slice(at + 1)];
}
