import { allOf } from './subtree';

describe('allOf', () => {
  it('merges parts whose keys do not collide into one flat filter (pushed down by FerretDB)', () => {
    expect(allOf({ ancestors: 'UP' }, {}, { level: 'booth' }, { _id: { $gt: 'A' } })).toEqual({ ancestors: 'UP', level: 'booth', _id: { $gt: 'A' } });
    expect(allOf()).toEqual({});
  });

  it('keeps colliding parts under $and, so every condition still applies', () => {
    expect(allOf({ status: 'completed' }, { status: 'open', dueAt: { $lt: 1 } }, { $and: [{ a: 1 }] })).toEqual({
      status: 'completed',
      $and: [{ status: 'open', dueAt: { $lt: 1 } }, { $and: [{ a: 1 }] }],
    });
  });
});
