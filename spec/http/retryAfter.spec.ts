import { parseRetryAfter } from '../../src/http';

const NOW = Date.parse('Wed, 21 Oct 2026 07:27:00 GMT');
const DAY = 24 * 60 * 60 * 1000;

describe('parseRetryAfter', () => {
  it.each<[string, string | null | undefined, number | undefined]>([
    ['seconds', '3', 3000],
    ['zero seconds', '0', 0],
    ['seconds with spaces', '  120 ', 120_000],
    ['fractional seconds', '1.5', 1500],
    ['an HTTP date a minute ahead', 'Wed, 21 Oct 2026 07:28:00 GMT', 60_000],
    ['an obsolete RFC 850 date', 'Wednesday, 21-Oct-26 07:28:00 GMT', 60_000],
    [
      'an asctime date',
      'Wed Oct 21 07:28:00 2026',
      Math.max(0, 60_000 + new Date(NOW).getTimezoneOffset() * 60_000),
    ],
    ['an HTTP date in the past', 'Wed, 21 Oct 2026 07:00:00 GMT', 0],
    ['a huge number of seconds', '99999999', DAY],
    ['a date a year ahead', 'Thu, 21 Oct 2027 07:27:00 GMT', DAY],
    ['no header', null, undefined],
    ['an absent header', undefined, undefined],
    ['an empty header', '', undefined],
    ['garbage', 'soon', undefined],
    ['seconds with a unit', '5s', undefined],
    ['a negative number', '-5', undefined],
    ['a signed number', '+5', undefined],
    ['garbage ending in a number', 'later 12', undefined],
    ['garbage with a year', 'x 2030', undefined],
    ['a bare year', '2030', 2030_000],
    ['exponent notation', '1e3', undefined],
    ['hexadecimal', '0x10', undefined],
    ['Infinity', 'Infinity', undefined],
  ])('reads %s (%p) as %p ms', (_, header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });
});
