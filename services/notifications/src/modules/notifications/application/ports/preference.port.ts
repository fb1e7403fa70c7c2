import type { Channel } from '../../domain/notification-message.entity';

/** What a member chose (or an in-charge set for them): language, addresses, channels and rules muted. */
export type MemberPreferences = {
  memberId: string;
  /** `hi` or `en`; null: guessed from the script of their name. */
  language: string | null;
  /** E.164 (`+91…`). */
  phone: string | null;
  email: string | null;
  mutedChannels: Channel[];
  mutedRules: string[];
  updatedAt: Date;
};

export interface PreferencePort {
  find(memberIds: readonly string[]): Promise<Map<string, MemberPreferences>>;
  save(preferences: MemberPreferences): Promise<void>;
}
export const PREFERENCE_PORT = Symbol('PreferencePort');
