/** Time as the delivery rules see it; tests replace it to cross quiet hours without waiting. */
export interface ClockPort {
  now(): Date;
}
export const CLOCK_PORT = Symbol('ClockPort');
