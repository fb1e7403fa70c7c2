import { Inject, Injectable } from '@nestjs/common';
import type { DirectoryMember } from '../../../org-directory/application/ports/org-directory.port';
import { languageOf } from '../../application/notification-planner';
import { PREFERENCE_PORT, type PreferencePort } from '../../application/ports/preference.port';
import { DEFAULT_QUIET_HOURS } from '../../domain/quiet-hours';
import type { PreferencesDto } from './preferences.dto';

const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

@Injectable()
export class PreferencesQuery {
  constructor(@Inject(PREFERENCE_PORT) private readonly preferences: PreferencePort) {}

  async run(member: DirectoryMember): Promise<PreferencesDto> {
    const prefs = (await this.preferences.find([member.memberId])).get(member.memberId);
    return {
      memberId: member.memberId,
      language: languageOf(member, prefs) === 'hi' ? 'hi' : 'en',
      languageChosen: Boolean(prefs?.language),
      phone: prefs?.phone ?? null,
      email: prefs?.email ?? null,
      mutedChannels: prefs?.mutedChannels ?? [],
      mutedRules: prefs?.mutedRules ?? [],
      quietHours: `${hh(DEFAULT_QUIET_HOURS.startHour)}-${hh(DEFAULT_QUIET_HOURS.endHour)} IST`,
    };
  }
}
