import { Booth, foldCoverage } from './booth.entity';

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

  it('folds coverage with volunteers capped at each booth target', () => {
    const full = booth();
    full.setCommittee(['1', '2', '3', '4', '5', '6', '7'], undefined, new Date());
    for (const v of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) full.addVolunteer(v);
    full.setWhatsappGroups([{ name: 'g', inviteLink: null, memberCount: 100 }]);
    const empty = booth();
    expect(foldCoverage([full.coverage, empty.coverage])).toEqual({
      booths: 2,
      committeesFormed: 1,
      committeeCoverage: 0.5,
      volunteers: 5,
      volunteerTarget: 10,
      volunteerCoverage: 0.5,
      boothsWithWhatsapp: 1,
      whatsappGroups: 1,
      whatsappMembers: 100,
    });
    expect(foldCoverage([]).committeeCoverage).toBe(0);
  });
});
