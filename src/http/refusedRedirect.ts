import type { RequestSpec } from '../endpoints/RequestSpec';
import {
  orderOutcomeUnknown,
  unexpectedStatus,
  type PlanviewerError,
  type RequestSummary,
} from '../errors/PlanviewerError';

/**
 * The error for a redirect we do not follow. For an order it is `OrderOutcomeUnknown`, with the
 * `Location` kept: the server answered the POST (a 303 "see other" even says it handled it and the
 * result is over there), so nobody can say that nothing was ordered, and ordering again could pay twice.
 * For any other call it is `UnexpectedStatus` with the reason.
 *
 * @internal
 */
export const refusedRedirect = (
  hop: RequestSummary,
  spec: RequestSpec,
  status: number,
  reason: string,
  location: string | null,
): PlanviewerError => {
  if (spec.call.kind !== 'order') return unexpectedStatus(hop, status, reason);
  const resolved = location === null ? undefined : resolveLocation(location, hop.url);
  return orderOutcomeUnknown(
    hop,
    spec.call.intentions,
    `the server answered the order with a ${status} redirect${resolved === undefined ? '' : ` to ${resolved}`}, not followed (${reason})`,
    resolved,
  );
};

const resolveLocation = (location: string, base: string): string => {
  try {
    return new URL(location, base).toString();
  } catch {
    return location;
  }
};
