import { ValidationError } from '@sangathan/kernel';

export const DEFAULT_COMMITTEE_SIZE = 7;
export const DEFAULT_VOLUNTEER_TARGET = 5;

export type WhatsappGroup = { name: string; inviteLink: string | null; memberCount: number };

export type BoothProps = {
  boothId: string;
  ancestors: string[];
  lokSabhaId: string | null;
  committeeMemberIds: string[];
  committeeRequired: number;
  committeeFormedAt: Date | null;
  volunteerIds: string[];
  volunteerTarget: number;
  whatsappGroups: WhatsappGroup[];
};

export type BoothEvent =
  | { kind: 'committee-formed'; booth: Booth }
  | { kind: 'committee-changed'; booth: Booth; changed: string[] }
  | { kind: 'volunteer-added'; booth: Booth; memberId: string }
  | { kind: 'volunteer-removed'; booth: Booth; memberId: string };

/** A booth's committee, its volunteers and its WhatsApp groups (coverage of one booth). */
export class Booth {
  private constructor(private props: BoothProps) {}

  static of(props: Partial<BoothProps> & Pick<BoothProps, 'boothId' | 'ancestors' | 'lokSabhaId'>): Booth {
    return new Booth({
      committeeMemberIds: [],
      committeeRequired: DEFAULT_COMMITTEE_SIZE,
      committeeFormedAt: null,
      volunteerIds: [],
      volunteerTarget: DEFAULT_VOLUNTEER_TARGET,
      whatsappGroups: [],
      ...props,
    });
  }

  get formed(): boolean {
    return this.props.committeeMemberIds.length >= this.props.committeeRequired;
  }

  /**
   * Replaces the committee (and optionally its required size). Formation is announced when the
   * committee reaches its required size from below; any other change is a `committee-changed`.
   */
  setCommittee(memberIds: string[], required: number | undefined, now: Date): BoothEvent[] {
    const unique = [...new Set(memberIds)];
    if (unique.length !== memberIds.length) {
      throw new ValidationError('DUPLICATE_MEMBER', 'a member is listed twice on the committee', [
        { field: 'memberIds', message: 'duplicates' },
      ]);
    }
    const wasFormed = this.formed;
    const changed: string[] = [];
    if (JSON.stringify([...unique].sort()) !== JSON.stringify([...this.props.committeeMemberIds].sort()))
      changed.push('committee');
    if (required !== undefined && required !== this.props.committeeRequired) changed.push('required-size');
    if (changed.length === 0) return [];
    this.props = {
      ...this.props,
      committeeMemberIds: unique,
      committeeRequired: required ?? this.props.committeeRequired,
    };
    if (!wasFormed && this.formed) {
      this.props.committeeFormedAt = now;
      return [{ kind: 'committee-formed', booth: this }];
    }
    if (wasFormed && !this.formed) this.props.committeeFormedAt = null;
    return [{ kind: 'committee-changed', booth: this, changed }];
  }

  addVolunteer(memberId: string, maxVolunteers = 50): BoothEvent[] {
    if (this.props.volunteerIds.includes(memberId)) return [];
    if (this.props.volunteerIds.length >= maxVolunteers) {
      throw new ValidationError('TOO_MANY_VOLUNTEERS', `a booth has at most ${maxVolunteers} volunteers`, [
        { field: 'memberId', message: 'booth is full' },
      ]);
    }
    this.props = { ...this.props, volunteerIds: [...this.props.volunteerIds, memberId] };
    return [{ kind: 'volunteer-added', booth: this, memberId }];
  }

  removeVolunteer(memberId: string): BoothEvent[] {
    if (!this.props.volunteerIds.includes(memberId)) return [];
    this.props = { ...this.props, volunteerIds: this.props.volunteerIds.filter((id) => id !== memberId) };
    return [{ kind: 'volunteer-removed', booth: this, memberId }];
  }

  setVolunteerTarget(target: number): void {
    this.props = { ...this.props, volunteerTarget: target };
  }

  setWhatsappGroups(groups: WhatsappGroup[]): BoothEvent[] {
    const names = new Set(groups.map((g) => g.name.trim().toLowerCase()));
    if (names.size !== groups.length) {
      throw new ValidationError('DUPLICATE_GROUP', 'two WhatsApp groups have the same name', [
        { field: 'groups', message: 'names must be unique' },
      ]);
    }
    if (JSON.stringify(groups) === JSON.stringify(this.props.whatsappGroups)) return [];
    this.props = { ...this.props, whatsappGroups: groups };
    return [{ kind: 'committee-changed', booth: this, changed: ['whatsapp'] }];
  }

  get snapshot(): Readonly<BoothProps> {
    return this.props;
  }

  /** Coverage figures as the events and the coverage report carry them. */
  get coverage(): {
    committeeFormed: boolean;
    committeeSize: number;
    committeeRequired: number;
    volunteerCount: number;
    volunteerTarget: number;
    whatsappGroupCount: number;
    whatsappMemberCount: number;
  } {
    return {
      committeeFormed: this.formed,
      committeeSize: this.props.committeeMemberIds.length,
      committeeRequired: this.props.committeeRequired,
      volunteerCount: this.props.volunteerIds.length,
      volunteerTarget: this.props.volunteerTarget,
      whatsappGroupCount: this.props.whatsappGroups.length,
      whatsappMemberCount: this.props.whatsappGroups.reduce((sum, g) => sum + g.memberCount, 0),
    };
  }
}

/** Subtree coverage: sums over booths, volunteers counted up to each booth's target. */
export type Coverage = {
  booths: number;
  committeesFormed: number;
  committeeCoverage: number;
  volunteers: number;
  volunteerTarget: number;
  volunteerCoverage: number;
  boothsWithWhatsapp: number;
  whatsappGroups: number;
  whatsappMembers: number;
};

/** Sums over the booths of a subtree, as the coverage query adds them up. */
export type CoverageTotals = Omit<Coverage, 'committeeCoverage' | 'volunteerCoverage'>;

/** The coverage report of a subtree from its totals: the shares, to three decimals (0 when there is nothing to share). */
export function coverageOf(totals: CoverageTotals): Coverage {
  const ratio = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);
  return {
    ...totals,
    committeeCoverage: ratio(totals.committeesFormed, totals.booths),
    volunteerCoverage: ratio(totals.volunteers, totals.volunteerTarget),
  };
}
