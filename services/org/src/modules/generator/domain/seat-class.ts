import type { SeatClass } from '@sangathan/contracts';

/** One Lok Sabha result: winner and runner-up with their votes. */
export type SeatResult = {
  winnerParty: string;
  winnerVotes: number;
  runnerUpParty: string;
  runnerUpVotes: number;
  margin: number;
};

/**
 * Thresholds on the winning margin as a share of the winner's votes. Documented in docs/org.md:
 * won by less than 3 % is `thin-margin`, by 3 % to 8 % `weak`, by 8 % or more `strong`; any
 * seat another party won is `lost`.
 */
export const SEAT_CLASS_THRESHOLDS = { thin: 0.03, weak: 0.08 } as const;

/** The party's class for a seat and its signed margin (negative when it lost; null when it was not even runner-up). */
export function classifySeat(
  result: SeatResult,
  party: string,
): { seatClass: SeatClass; lastMargin: number | null } {
  if (result.winnerParty !== party) {
    return { seatClass: 'lost', lastMargin: result.runnerUpParty === party ? -result.margin : null };
  }
  const share = result.winnerVotes > 0 ? result.margin / result.winnerVotes : 0;
  const seatClass: SeatClass =
    share < SEAT_CLASS_THRESHOLDS.thin
      ? 'thin-margin'
      : share < SEAT_CLASS_THRESHOLDS.weak
        ? 'weak'
        : 'strong';
  return { seatClass, lastMargin: result.margin };
}
