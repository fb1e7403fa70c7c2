import type {
  DirectoryArea,
  DirectoryMember,
  OrgDirectoryPort,
} from '../../org-directory/application/ports/org-directory.port';
import type { MemberPreferences, PreferencePort } from './ports/preference.port';

/**
 * The org-directory and preference reads of one planning pass, remembered: a poll of events asks for each
 * member, area and preference once (prefetched in bulk), not once per event and rule.
 */
export class PlanLookups {
  private readonly memberCache = new Map<string, DirectoryMember | null>();
  private readonly areaCache = new Map<string, DirectoryArea | null>();
  private readonly preferenceCache = new Map<string, MemberPreferences | null>();

  constructor(
    private readonly directory: OrgDirectoryPort,
    private readonly preferences: PreferencePort,
  ) {}

  async members(ids: readonly string[]): Promise<Map<string, DirectoryMember>> {
    await fill(this.memberCache, ids, (missing) => this.directory.members(missing));
    return pick(this.memberCache, ids);
  }

  async areas(ids: readonly string[]): Promise<Map<string, DirectoryArea>> {
    await fill(this.areaCache, ids, (missing) => this.directory.areas(missing));
    return pick(this.areaCache, ids);
  }

  async preferencesOf(ids: readonly string[]): Promise<Map<string, MemberPreferences>> {
    await fill(this.preferenceCache, ids, (missing) => this.preferences.find(missing));
    return pick(this.preferenceCache, ids);
  }

  holders = (type: string, areaIds: readonly string[]) => this.directory.holders(type, areaIds);
}

async function fill<T>(
  cache: Map<string, T | null>,
  ids: readonly string[],
  load: (missing: string[]) => Promise<Map<string, T>>,
): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  if (missing.length === 0) return;
  const found = await load(missing);
  for (const id of missing) cache.set(id, found.get(id) ?? null);
}

function pick<T>(cache: Map<string, T | null>, ids: readonly string[]): Map<string, T> {
  const result = new Map<string, T>();
  for (const id of ids) {
    const value = cache.get(id);
    if (value) result.set(id, value);
  }
  return result;
}
