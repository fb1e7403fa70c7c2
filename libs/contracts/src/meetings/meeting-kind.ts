import { z } from 'zod';

/** Kinds of meeting the party runs (from the source reports). */
export const MEETING_KINDS = [
  'daily-small', // 4-5 a day per in-charge, photo of each to HQ
  'review', // review of office bearers' task progress (every 5-7 days)
  'booth-committee', // booth committee formation / meeting
  'vc-review', // video-conference review from HQ or state to many districts
  'cadre-camp',
  'participation-conference', // भागीदारी सम्मेलन for a social group
] as const;
export const meetingKindSchema = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof meetingKindSchema>;

/** Outcome of checking a photo's EXIF time and GPS against its meeting. */
export const PHOTO_VERDICTS = ['verified', 'mismatch', 'no-metadata'] as const;
export const photoVerdictSchema = z.enum(PHOTO_VERDICTS);
export type PhotoVerdict = z.infer<typeof photoVerdictSchema>;

/** Why a photo was flagged. */
export const PHOTO_FLAG_REASONS = [
  'time-mismatch',
  'location-mismatch',
  'no-metadata',
  'duplicate',
  'reviewer-rejected',
] as const;
export const photoFlagReasonSchema = z.enum(PHOTO_FLAG_REASONS);
export type PhotoFlagReason = z.infer<typeof photoFlagReasonSchema>;
