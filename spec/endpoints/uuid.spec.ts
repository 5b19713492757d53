import * as E from 'fp-ts/lib/Either.js';
import { isUuid } from '../../src/endpoints';
import { validateUuidList } from '../../src/endpoints/uuid';

const A = '7e6d5c4b-3a29-4f18-9e07-222222222222';
const B = 'c1d2e3f4-0000-4a1b-8c2d-111111111111';

describe('isUuid', () => {
  it.each<[unknown, boolean]>([
    [A, true],
    [A.toUpperCase(), true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['../x', false],
    ['../../admin', false],
    [`${A}/../x`, false],
    [`${A}?x=1`, false],
    [`${A}\n`, false],
    [` ${A}`, false],
    ['7e6d5c4b3a294f189e07222222222222', false],
    ['7e6d5c4b-3a29-4f18-9e07-22222222222g', false],
    ['{7e6d5c4b-3a29-4f18-9e07-222222222222}', false],
    ['', false],
    [null, false],
    [42, false],
  ])('%p → %s', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});

describe('validateUuidList', () => {
  it('returns the list unchanged', () => {
    expect(validateUuidList('jobs', [A, B.toUpperCase()])).toEqual(E.right([A, B.toUpperCase()]));
  });

  it.each<[string, unknown, string, RegExp]>([
    ['an empty list', [], 'jobs', /at least one/],
    ['a string', A, 'jobs', /expected an array/],
    ['undefined', undefined, 'jobs', /expected an array/],
    ['a path in the list', [A, '../x'], 'jobs[1]', /expected a uuid .* got "\.\.\/x"/],
    ['a number in the list', [1], 'jobs[0]', /got 1/],
    ['a duplicate', [A, B, A], 'jobs[2]', /duplicate uuid/],
    ['a duplicate in other case', [A, A.toUpperCase()], 'jobs[1]', /duplicate uuid/],
  ])('refuses %s, naming the field', (_, value, field, reason) => {
    const r = validateUuidList('jobs', value);
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'InvalidInput', field });
    expect(E.isLeft(r) && r.left.reason).toMatch(reason);
  });

  it('shows a huge bad value briefly', () => {
    const r = validateUuidList('jobs', ['x'.repeat(10_000)]);
    expect(E.isLeft(r) && r.left.reason.length).toBeLessThan(200);
  });
});
