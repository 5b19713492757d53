/**
 * Reads a `Retry-After` header: delay-seconds or an HTTP date. Returns milliseconds from `nowMs`, or
 * `undefined` when absent or unreadable. Capped at one day so a bogus header cannot park a job forever.
 *
 * @example
 * import { parseRetryAfter } from 'planviewer-rx';
 * parseRetryAfter('3', 0); // 3000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT')); // 60000
 *
 * @since 0.1.0
 * @category utils
 */
export const parseRetryAfter = (header: string | null | undefined, nowMs: number): number | undefined => {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - nowMs;
  return Number.isFinite(ms) ? Math.min(Math.max(0, Math.round(ms)), MAX_RETRY_AFTER_MS) : undefined;
};

const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
