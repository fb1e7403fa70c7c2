import type { Principal } from '@sangathan/auth';
import { NATIONAL_ADMIN } from '@sangathan/testing';
import { Member } from '../../members/domain/member.entity';
import type { MemberImportLookups } from './plan-member-import';
import { planMemberImport } from './plan-member-import';

const ctx = { actorId: 'test', correlationId: 'plan-members' };
const now = new Date('2026-11-01T00:00:00Z');
const BOOTH = 'UP-AC-173-B0001';
const BOOTH_PATH = ['IN', 'UP', 'UP-Z-LUCKNOW', 'UP-D-LUCKNOW', 'UP-AC-173'];

function lookups(stored: Member[] = []): MemberImportLookups {
  return {
    areaPaths: async (ids) => new Map(ids.filter((id) => id === BOOTH).map((id) => [id, BOOTH_PATH])),
    membersByPhone: async (phones) =>
      new Map(
        stored
          .filter((m) => phones.includes(m.snapshot.phone))
          .map((m) => [m.snapshot.phone, { value: m, version: 2 }]),
      ),
  };
}

function storedMember(): Member {
  return Member.register({
    id: 'm-1',
    phone: '+919876500001',
    name: 'रमेश यादव',
    nameAlt: 'Ramesh Yadav',
    kind: 'worker',
    home: { id: BOOTH, ancestors: BOOTH_PATH },
    now,
    by: 'test',
  }).member;
}

describe('planMemberImport', () => {
  it('registers a new phone in its home area with a joined event', async () => {
    const plan = await planMemberImport(
      [{ phone: '98765 00002', name: 'अनीता पाल', areaId: 'up-ac-173-b0001' }],
      NATIONAL_ADMIN,
      ctx,
      lookups(),
      now,
    );
    expect(plan.errors).toEqual([]);
    const [op] = plan.ops;
    if (op.kind !== 'insert') throw new Error('expected an insert');
    const { entity, events } = op.build();
    expect(entity.snapshot).toMatchObject({
      phone: '+919876500002',
      name: 'अनीता पाल',
      kind: 'worker',
      areaId: BOOTH,
      ancestors: BOOTH_PATH,
    });
    expect(op.id).toBe(entity.id);
    expect(events.map((e) => e.type)).toEqual(['org.member.joined']);
  });

  it('updates a stored phone at its version, and leaves an unchanged one alone', async () => {
    const plan = await planMemberImport(
      [
        { phone: '+91 98765 00001', name: 'रमेश यादव', nameAlt: 'Ramesh Yadav', areaId: BOOTH },
        { phone: '98765 00001', name: 'Ramesh Kumar Yadav', areaId: BOOTH },
      ],
      NATIONAL_ADMIN,
      ctx,
      lookups([storedMember()]),
      now,
    );
    expect(plan.ops).toEqual([{ kind: 'unchanged' }]);
    expect(plan.errors).toEqual([{ row: 2, field: 'phone', message: 'same phone as row 1' }]);

    const renamed = await planMemberImport(
      [{ phone: '98765 00001', name: 'Ramesh Kumar Yadav', areaId: BOOTH }],
      NATIONAL_ADMIN,
      ctx,
      lookups([storedMember()]),
      now,
    );
    const [op] = renamed.ops;
    if (op.kind !== 'update') throw new Error('expected an update');
    expect(op).toMatchObject({ id: 'm-1', version: 2 });
    expect(op.entity.snapshot.name).toBe('Ramesh Kumar Yadav');
    expect(op.events.map((e) => e.type)).toEqual(['org.member.updated']);
  });

  it('reports unknown areas, bad phones and rows outside the caller’s subtree', async () => {
    const elsewhere: Principal = {
      sub: 'dp',
      roles: ['district-president'],
      areaId: 'UP-D-KANPUR',
      areaPath: ['IN', 'UP', 'UP-Z-KANPUR'],
    };
    const plan = await planMemberImport(
      [
        { phone: '98765 00003', name: 'Nowhere', areaId: 'UP-AC-999-B0001' },
        { phone: '12', name: 'Short phone', areaId: BOOTH },
        { phone: '98765 00004', name: 'Not mine', areaId: BOOTH },
      ],
      elsewhere,
      ctx,
      lookups(),
      now,
    );
    expect(plan.ops).toEqual([]);
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'areaId'],
      [2, 'phone'],
      [3, 'areaId'],
    ]);
    expect(plan.errors[2].message).toBe('outside your area UP-D-KANPUR');
  });
});
