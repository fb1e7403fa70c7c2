import { ValidationError } from '@sangathan/kernel';

/**
 * A phone number in E.164. Indian numbers are written many ways ("098765 43210",
 * "+91-98765-43210", "919876543210", "9876543210"); all become `+919876543210`. A number with
 * another country code must be written with its leading `+`.
 */
export class PhoneNumber {
  private constructor(readonly value: string) {}

  static of(raw: string, field = 'phone'): PhoneNumber {
    const invalid = (message: string): ValidationError =>
      new ValidationError('INVALID_PHONE', `phone number "${raw}" ${message}`, [{ field, message }]);
    const text = String(raw ?? '').trim();
    if (!/^\+?[\d\s().-]+$/.test(text))
      throw invalid('may contain only digits, spaces, dashes, dots, brackets and a leading +');
    const international = text.startsWith('+');
    let digits = text.replace(/\D/g, '');
    if (international && !digits.startsWith('91')) {
      if (digits.length < 8 || digits.length > 15 || digits.startsWith('0'))
        throw invalid('is not a valid E.164 number');
      return new PhoneNumber(`+${digits}`);
    }
    if (international) digits = digits.slice(2);
    else if (digits.length === 12 && digits.startsWith('91')) digits = digits.slice(2);
    else if (digits.length === 11 && digits.startsWith('0')) digits = digits.slice(1);
    if (!/^[6-9]\d{9}$/.test(digits))
      throw invalid('is not an Indian mobile number (10 digits starting with 6-9)');
    return new PhoneNumber(`+91${digits}`);
  }
}
