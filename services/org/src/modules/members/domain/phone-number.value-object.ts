import { ValidationError } from '@sangathan/kernel';
// The full metadata: the default ("min") set checks only a number's length and cannot tell a mobile from a landline.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A phone number in E.164, parsed by libphonenumber-js with India as the default country, so
 * "098765 43210", "+91-98765-43210", "919876543210" and "9876543210" all become `+919876543210`.
 * A number with another country code must be written with its leading `+`. Indian numbers must be
 * mobiles: members are reached by SMS and WhatsApp.
 */
export class PhoneNumber {
  private constructor(readonly value: string) {}

  static of(raw: string, field = 'phone'): PhoneNumber {
    const invalid = (message: string): ValidationError =>
      new ValidationError('INVALID_PHONE', `phone number "${raw}" ${message}`, [{ field, message }]);
    const text = String(raw ?? '').trim();
    // libphonenumber also reads letters ("1-800-FLOWERS") and extensions, which E.164 cannot hold.
    if (!/^\+?[\d\s().-]+$/.test(text))
      throw invalid('may contain only digits, spaces, dashes, dots, brackets and a leading +');
    const parsed = parsePhoneNumberFromString(text, 'IN');
    if (!parsed?.isValid()) throw invalid('is not a valid phone number');
    if (parsed.country === 'IN' && !['MOBILE', 'FIXED_LINE_OR_MOBILE'].includes(parsed.getType() ?? ''))
      throw invalid('is not an Indian mobile number (10 digits starting with 6-9)');
    return new PhoneNumber(parsed.number);
  }
}
