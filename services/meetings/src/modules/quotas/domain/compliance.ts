import type { QuotaRule } from './quota-rule';

export type HolderRef = {
  memberId: string;
  name?: string | null;
  positionType: string;
  areaId: string;
  ancestors: string[];
};
export type HeldMeeting = {
  id: string;
  organiserId: string;
  day: string;
  kind: string;
  photos: number;
  verifiedPhotos: number;
};

export type DayOutcome = 'met' | 'short' | 'no-photos';

export type HolderDay = {
  day: string;
  held: number;
  withPhoto: number;
  withVerifiedPhoto: number;
  outcome: DayOutcome;
};

export type HolderCompliance = HolderRef & {
  rule: { minMeetings: number; targetMeetings: number; photoRequired: boolean };
  days: HolderDay[];
  daysMet: number;
  totalHeld: number;
  totalWithVerifiedPhoto: number;
  /** Met the quota every day of the range. */
  metQuota: boolean;
  /** Held meetings but sent no photo at all in the range. */
  sentNoPhotos: boolean;
};

/**
 * Folds held meetings into a per-holder, per-day verdict. A day is `met` when enough counted
 * meetings were held (each with a verified photo if the rule wants one), `no-photos` when enough
 * were held but too few had verified photos, else `short`.
 */
export function computeCompliance(
  holders: HolderRef[],
  rules: Map<string, QuotaRule>,
  meetings: HeldMeeting[],
  days: string[],
): HolderCompliance[] {
  const byOrganiserDay = new Map<string, HeldMeeting[]>();
  for (const m of meetings) {
    const key = `${m.organiserId}|${m.day}`;
    byOrganiserDay.set(key, [...(byOrganiserDay.get(key) ?? []), m]);
  }
  const out: HolderCompliance[] = [];
  for (const holder of holders) {
    const rule = rules.get(holder.positionType);
    if (!rule) continue;
    const counts = (m: HeldMeeting) => rule.countedKinds.length === 0 || rule.countedKinds.includes(m.kind);
    const holderDays: HolderDay[] = days.map((day) => {
      const held = (byOrganiserDay.get(`${holder.memberId}|${day}`) ?? []).filter(counts);
      const withPhoto = held.filter((m) => m.photos > 0).length;
      const withVerifiedPhoto = held.filter((m) => m.verifiedPhotos > 0).length;
      const outcome: DayOutcome =
        held.length < rule.minMeetings
          ? 'short'
          : rule.photoRequired && withVerifiedPhoto < rule.minMeetings
            ? 'no-photos'
            : 'met';
      return { day, held: held.length, withPhoto, withVerifiedPhoto, outcome };
    });
    const totalHeld = holderDays.reduce((n, d) => n + d.held, 0);
    out.push({
      ...holder,
      rule: {
        minMeetings: rule.minMeetings,
        targetMeetings: rule.targetMeetings,
        photoRequired: rule.photoRequired,
      },
      days: holderDays,
      daysMet: holderDays.filter((d) => d.outcome === 'met').length,
      totalHeld,
      totalWithVerifiedPhoto: holderDays.reduce((n, d) => n + d.withVerifiedPhoto, 0),
      metQuota: holderDays.every((d) => d.outcome === 'met'),
      sentNoPhotos: totalHeld > 0 && holderDays.every((d) => d.withPhoto === 0),
    });
  }
  return out;
}
