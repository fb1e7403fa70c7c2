/** The time, injectable so deadlines can be tested without waiting. */
export interface ClockPort {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');
