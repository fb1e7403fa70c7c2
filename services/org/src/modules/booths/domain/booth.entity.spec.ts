import { Booth, coverageOf } from './booth.entity';

const booth = (): Booth => Booth.of({ boothId: 'B', ancestors: ['IN'], lokSabhaId: null });

describe('Booth', () => {
  it('announces formation when the committee reaches its size, changes otherwise', () => {
    const b = booth();
    const now = new Date();
    expect(b.setCommittee(['a', 'b'], 3, now).map((e) => e.kind)).toEqual(['committee-changed']);
    expect(b.setCommittee(['a', 'b', 'c'], undefined, now).map((e) => e.kind)).toEqual(['committee-formed']);
    expect(b.setCommittee(['c', 'b', 'a'], undefined, now)).toEqual([]);
    const shrunk = b.setCommittee(['a'], undefined, now);
    expect(shrunk).toEqual([expect.objectContaining({ kind: 'committee-changed', changed: ['committee'] })]);
    expect(b.snapshot.committeeFormedAt).toBeNull();
    expect(() => b.setCommittee(['a', 'a'], undefined, now)).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_MEMBER' }),
    );
  });

  it('adds and removes volunteers idempotently', () => {
    const b = booth();
    expect(b.addVolunteer('v')).toHaveLength(1);
    expect(b.addVolunteer('v')).toEqual([]);
    expect(b.removeVolunteer('x')).toEqual([]);
    expect(b.removeVolunteer('v')).toHaveLength(1);
  });

  it('refuses two WhatsApp groups with the same name', () => {
    expect(() =>
      booth().setWhatsappGroups([
        { name: 'A', inviteLink: null, memberCount: 1 },
        { name: ' a', inviteLink: null, memberCount: 2 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'DUPLICATE_GROUP' }));
  });

  it('shares committees formed and volunteers against target to three decimals, 0 when there is nothing to share', () => {
    const none = {
      booths: 0,
      committeesFormed: 0,
      volunteers: 0,
      volunteerTarget: 0,
      boothsWithWhatsapp: 0,
      whatsappGroups: 0,
      whatsappMembers: 0,
    };
    expect(
      coverageOf({ ...none, booths: 3, committeesFormed: 1, volunteers: 2, volunteerTarget: 15 }),
    ).toMatchObject({ committeeCoverage: 0.333, volunteerCoverage: 0.133 });
    expect(coverageOf(none)).toEqual({ ...none, committeeCoverage: 0, volunteerCoverage: 0 });
  });
});
