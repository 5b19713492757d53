/**
 * The KIK "waiting for user" routes (§5.7–5.8).
 *
 * Choices where the reference is silent: the `locaties` keys are "1".."n" in the order of the address's
 * lots; `select` takes one or more of those keys as integers (numeric strings are accepted too); a key not
 * offered is a 400; both routes answer 404 for a job that is not waiting (including one already resumed);
 * a successful select answers 200 with the job's status right after resuming.
 *
 * @internal
 */
import { kikLabel, type Location } from '../locations';
import { apiError, json } from '../response';
import { isRecord, type RouteContext, type RouteHandler } from '../state';
import { type SimJob } from '../jobs';
import { isResponse, ownJob } from './ownJob';

export const KIK_MESSAGE = 'Which of the found locations must be used to complete the order?';

const choices = ({ state }: RouteContext, job: SimJob): Record<string, string> => {
  const address: Location | undefined = state.catalogue.location(job.location);
  const locaties: Record<string, string> = {};
  if (address?.kind !== 'adres') return locaties;
  address.parcels.forEach((uuid, i) => {
    const lot = state.catalogue.location(uuid);
    if (lot?.kind === 'perceel') locaties[String(i + 1)] = kikLabel(lot, address);
  });
  return locaties;
};

export const kikWaiting: RouteHandler = (context) => {
  const job = ownJob(context);
  if (isResponse(job)) return job;
  if (job.status(context.now).status !== 'waiting for user')
    return apiError(404, 'Job is not waiting for user');
  return json(200, { locaties: choices(context, job), message: KIK_MESSAGE });
};

export const kikSelect: RouteHandler = (context) => {
  const job = ownJob(context);
  if (isResponse(job)) return job;
  if (job.status(context.now).status !== 'waiting for user')
    return apiError(404, 'Job is not waiting for user');
  const raw = isRecord(context.body) ? context.body['select'] : undefined;
  if (!Array.isArray(raw) || raw.length === 0)
    return apiError(400, '"select" must be a non-empty array of indexes');
  const offered = choices(context, job);
  const selection: number[] = [];
  for (const item of raw) {
    const index =
      typeof item === 'number' ? item : typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : NaN;
    if (!Number.isInteger(index) || offered[String(index)] === undefined) {
      return apiError(400, `Not one of the offered locations: ${JSON.stringify(item)}`);
    }
    if (!selection.includes(index)) selection.push(index);
  }
  context.state.jobs.select(job.uuid, selection, context.now);
  return json(200, job.status(context.now));
};
