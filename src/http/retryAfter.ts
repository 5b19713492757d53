/**
 * Reads a `Retry-After` header: delay-seconds or an HTTP date. Returns milliseconds from `nowMs`, or
 * `undefined` when absent or unreadable. Capped at one day so a bogus header cannot park a job forever.
 *
 * @example
 * import { parseRetryAfter } from './retryAfter';
 * parseRetryAfter('3', 0); // 3000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT')); // 60000
 *
 * @since 0.1.0
 * @category utils
 */
export const parseRetryAfter = (header: string | null | undefined, nowMs: number): number | undefined => {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  // Date.parse alone would read garbage such as '-5' or 'later 12' as some date in 2001 or 2012.
  const ms = /^\d+(\.\d+)?$/.test(value)
    ? Number(value) * 1000
    : HTTP_DATE.test(value)
      ? Date.parse(value) - nowMs
      : Number.NaN;
  return Number.isFinite(ms) ? Math.min(Math.max(0, Math.round(ms)), MAX_RETRY_AFTER_MS) : undefined;
};

const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** IMF-fixdate, RFC 850 and asctime dates (RFC 9110 §5.6.7) all start with a day name and hold a time. */
const HTTP_DATE = /^[A-Za-z]{3,9},? .*\b\d{2}:\d{2}:\d{2}\b/;
