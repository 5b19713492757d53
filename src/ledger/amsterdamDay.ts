const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day in Europe/Amsterdam of an instant, as `YYYY-MM-DD`: the day of Planviewer's order cap.
 * Follows summer time (the day starts at 22:00 UTC in summer, 23:00 UTC in winter).
 *
 * @example
 * import { amsterdamDay } from './amsterdamDay';
 * amsterdamDay(Date.parse('2026-07-01T21:59:59Z')); // '2026-07-01'
 * amsterdamDay(Date.parse('2026-07-01T22:00:00Z')); // '2026-07-02'
 *
 * @since 0.2.0
 * @category constructors
 */
export const amsterdamDay = (epochMs: number): string => {
  const parts = Object.fromEntries(amsterdam.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
};
