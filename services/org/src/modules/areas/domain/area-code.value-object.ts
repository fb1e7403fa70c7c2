import { ValidationError } from '@sangathan/kernel';

/** Stable, human-readable area id such as `UP-D-LUCKNOW` or `UP-AC-173-B-0042`. */
export class AreaCode {
  private constructor(readonly value: string) {}

  static of(raw: string): AreaCode {
    const value = raw.trim().toUpperCase();
    if (!/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(value) || value.length > 64) {
      throw new ValidationError(
        'INVALID_AREA_CODE',
        `area code "${raw}" must be letters, digits and single dashes (max 64)`,
        [{ field: 'code', message: 'letters, digits and dashes only' }],
      );
    }
    return new AreaCode(value);
  }
}
