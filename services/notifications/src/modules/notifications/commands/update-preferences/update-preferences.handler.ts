import { Inject, Injectable } from '@nestjs/common';
import { ValidationError } from '@sangathan/kernel';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { ActiveRules } from '../../application/active-rules';
import { CLOCK_PORT, type ClockPort } from '../../application/ports/clock.port';
import { PREFERENCE_PORT, type PreferencePort } from '../../application/ports/preference.port';
import type { UpdatePreferencesDto } from './update-preferences.dto';

/** Changes what is given and keeps the rest; a phone is checked and stored as E.164, a rule id must exist. */
@Injectable()
export class UpdatePreferencesHandler {
  constructor(
    @Inject(PREFERENCE_PORT) private readonly preferences: PreferencePort,
    @Inject(CLOCK_PORT) private readonly clock: ClockPort,
    private readonly rules: ActiveRules,
  ) {}

  async execute(memberId: string, change: UpdatePreferencesDto): Promise<void> {
    let phone = change.phone;
    if (phone) {
      const parsed = parsePhoneNumberFromString(phone, 'IN');
      if (!parsed?.isValid())
        throw new ValidationError('INVALID_PHONE', `${phone} is not a valid phone number`, [
          { field: 'phone', message: 'not a valid number' },
        ]);
      phone = parsed.number;
    }
    for (const ruleId of change.mutedRules ?? [])
      if (!this.rules.current.rule(ruleId))
        throw new ValidationError('UNKNOWN_RULE', `no rule ${ruleId}`, [
          { field: 'mutedRules', message: `unknown rule ${ruleId}` },
        ]);
    const current = (await this.preferences.find([memberId])).get(memberId);
    await this.preferences.save({
      memberId,
      language: change.language !== undefined ? change.language : (current?.language ?? null),
      phone: phone !== undefined ? phone : (current?.phone ?? null),
      email: change.email !== undefined ? (change.email?.normalize('NFC') ?? null) : (current?.email ?? null),
      mutedChannels: change.mutedChannels ?? current?.mutedChannels ?? [],
      mutedRules: change.mutedRules ?? current?.mutedRules ?? [],
      updatedAt: this.clock.now(),
    });
  }
}
