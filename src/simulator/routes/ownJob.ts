/**
 * The lookup every `/{uuid}` route starts with: 400 for a malformed uuid, 404 for an unknown job,
 * 403 for another account's job (§5.6–5.7).
 *
 * @internal
 */
import { type SimJob } from '../jobs';
import { isUuid } from '../random';
import { apiError, type SimResponse } from '../response';
import { type RouteContext } from '../state';

export const ownJob = ({ state, account, param, note }: RouteContext): SimJob | SimResponse => {
  if (!isUuid(param)) return apiError(400, `Not a job uuid: ${JSON.stringify(param ?? '')}`);
  note([param]);
  const job = state.jobs.get(param);
  if (job === undefined) return apiError(404, 'Job not found');
  if (job.account !== account.key) return apiError(403, 'You are not authorized for this job');
  return job;
};

// A job has a status() method too, so tell them apart by what only a response has.
export const isResponse = (value: SimJob | SimResponse): value is SimResponse => 'body' in value;
