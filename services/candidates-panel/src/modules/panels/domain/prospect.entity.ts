import { isCleanText, ValidationError } from '@sangathan/kernel';

/** A past result as the party records it (no vote shares of individual voters: seat-level figures only). */
export type PastResult = {
  year: number;
  election: 'lok-sabha' | 'assembly' | 'local';
  /** Seat contested (org area id or the name the party records). */
  seat: string;
  outcome: 'won' | 'lost' | 'runner-up' | 'withdrew';
  votes: number | null;
  marginVotes: number | null;
};

/** Someone considered for a seat: a member of the org (by id) or an outsider. */
export type ProspectState = {
  id: string;
  panelId: string;
  kind: 'member' | 'outsider';
  memberId: string | null;
  name: string;
  /** E.164, outsiders only (members are reached through org). */
  phone: string | null;
  profile: string | null;
  pastResults: PastResult[];
  addedBy: string;
  addedAt: Date;
};

const E164 = /^\+[1-9]\d{7,14}$/;

function cleanText(value: string, field: string, max: number): string {
  const text = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > max || !isCleanText(text))
    throw new ValidationError('INVALID_TEXT', `${field} must be 1 to ${max} characters of plain text`, [
      { field, message: `1 to ${max} characters, no control characters` },
    ]);
  return text;
}

export class Prospect {
  private constructor(readonly state: Readonly<ProspectState>) {}

  static member(input: {
    id: string;
    panelId: string;
    memberId: string;
    name: string;
    profile: string | null;
    pastResults: PastResult[];
    addedBy: string;
    addedAt: Date;
  }): Prospect {
    return new Prospect({
      ...input,
      kind: 'member',
      name: cleanText(input.name, 'name', 120),
      phone: null,
      profile: input.profile === null ? null : cleanText(input.profile, 'profile', 2000),
    });
  }

  static outsider(input: {
    id: string;
    panelId: string;
    name: string;
    phone: string;
    profile: string | null;
    pastResults: PastResult[];
    addedBy: string;
    addedAt: Date;
  }): Prospect {
    if (!E164.test(input.phone))
      throw new ValidationError('INVALID_PHONE', 'phone must be in E.164 form, e.g. +919876543210', [
        { field: 'phone', message: 'E.164' },
      ]);
    return new Prospect({
      ...input,
      kind: 'outsider',
      memberId: null,
      name: cleanText(input.name, 'name', 120),
      profile: input.profile === null ? null : cleanText(input.profile, 'profile', 2000),
    });
  }

  static restore(state: ProspectState): Prospect {
    return new Prospect(state);
  }

  /**
   * What makes two prospects the same person across panels: the member id, or the phone of an outsider.
   * Stored only as a keyed hash (see the repository), so the database does not reveal it.
   */
  get identity(): string {
    return this.state.memberId ? `member:${this.state.memberId}` : `phone:${this.state.phone}`;
  }
}
