/** A daily meeting quota for holders of one position type. */
export type QuotaRule = {
  positionType: string;
  /** Fewest meetings a day that meet the quota (the source: 4-5 a day → min 4, target 5). */
  minMeetings: number;
  targetMeetings: number;
  /** Each counted meeting needs a verified photo. */
  photoRequired: boolean;
  /** Meeting kinds that count (empty: every kind). */
  countedKinds: string[];
};

/** In-charges hold 4-5 small meetings a day and send a photo of each (the source reports). */
export const DEFAULT_QUOTA_RULES: QuotaRule[] = [
  'district-incharge',
  'lok-sabha-incharge',
  'assembly-incharge',
  'sector-incharge',
].map((positionType) => ({
  positionType,
  minMeetings: 4,
  targetMeetings: 5,
  photoRequired: true,
  countedKinds: [],
}));
