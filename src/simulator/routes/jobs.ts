/**
 * The job routes: order (§5.4), status (§5.5), retrieve (§5.6).
 *
 * @internal
 */
import { isUuid } from '../random';
import { apiError, json, ORDER_CAP_MESSAGE, orderCapReached, type SimResponse } from '../response';
import { isRecord, mayUse, type RouteContext, type RouteHandler, stringArray } from '../state';
import { type Intention } from '../catalogue';
import { isResponse, ownJob } from './ownJob';

/**
 * Checks shared by both order routes, in the order a client meets them: 402 for any order attempt without
 * payment on account (§5.4: "every order attempt gets 402"), then 400 for a body that is not
 * `{ uuids: string[] }` with at least one uuid.
 */
export const orderPreflight = ({ account, body, note }: RouteContext): readonly string[] | SimResponse => {
  if (!account.paymentOnAccount)
    return apiError(402, 'Payment on account is required to order through the API');
  const uuids = isRecord(body) ? stringArray(body['uuids']) : undefined;
  if (uuids === undefined || uuids.length === 0) return apiError(400, '"uuids" must be a non-empty array');
  note(uuids);
  return uuids;
};

export const isOrderList = (value: readonly string[] | SimResponse): value is readonly string[] =>
  Array.isArray(value);

export const placeOrder: RouteHandler = (context) => {
  const { state, account, now } = context;
  const uuids = orderPreflight(context);
  if (!isOrderList(uuids)) return uuids;
  // Validate everything before placing anything: one bad uuid refuses the whole order.
  const intentions: Intention[] = [];
  for (const uuid of uuids) {
    const intention = isUuid(uuid) ? state.catalogue.intention(uuid) : undefined;
    if (intention === undefined || !mayUse(account, intention.product)) {
      return apiError(400, `Invalid set of uuids: unknown intention ${JSON.stringify(uuid)}`);
    }
    intentions.push(intention);
  }
  if (!state.accounts.reserveOrders(account.key, intentions.length, now))
    return orderCapReached(ORDER_CAP_MESSAGE);
  return json(
    200,
    intentions.map((intention) => {
      const product = state.catalogue.product(intention.product);
      const location = state.catalogue.location(intention.location);
      if (product === undefined || location === undefined)
        throw new Error(`catalogue lost ${intention.uuid}`);
      const job = state.jobs.create({
        account: account.key,
        product,
        intention: intention.uuid,
        location: location.uuid,
        planId: intention.planId,
        askUser: product.waitsForUser && location.kind === 'adres' && location.parcels.length > 1,
        now,
      });
      return { uuid: intention.uuid, job: { uuid: job.uuid } };
    }),
  );
};

/** Query keys that carry job uuids: `uuids[]`, `uuids[0]`, `uuids`. */
const UUIDS_KEY = /^uuids(\[\d*\])?$/;

/**
 * Every job uuid in the query, in order, duplicates once: `uuids[]=a&uuids[]=b`, `uuids[0]=a&uuids[1]=b`,
 * `uuids=a&uuids=b` and `uuids=a,b` all give `[a, b]`.
 */
export const statusUuids = (query: URLSearchParams): string[] => {
  const found: string[] = [];
  for (const [key, value] of query) {
    if (!UUIDS_KEY.test(key)) continue;
    for (const part of value.split(',')) {
      const uuid = part.trim().toLowerCase();
      if (uuid !== '' && !found.includes(uuid)) found.push(uuid);
    }
  }
  return found;
};

/**
 * A well-formed uuid of no job of this account (unknown, or another account's) is left out of the
 * response rather than failing the call: the reference leaves this open (§10.2), and leaving it out is
 * the case a batching client must handle by matching on `uuid`.
 */
export const jobStatus: RouteHandler = ({ state, account, query, now, note }) => {
  const uuids = statusUuids(query);
  note(uuids);
  if (uuids.length === 0) return apiError(400, 'Invalid set of uuids: give uuids[]=<job uuid>');
  const malformed = uuids.find((u) => !isUuid(u));
  if (malformed !== undefined) return apiError(400, `Invalid set of uuids: ${JSON.stringify(malformed)}`);
  const statuses = [];
  for (const uuid of uuids) {
    const job = state.jobs.get(uuid);
    if (job !== undefined && job.account === account.key) statuses.push(job.status(now));
  }
  return json(200, statuses);
};

export const retrieveResult: RouteHandler = (context) => {
  const job = ownJob(context);
  if (isResponse(job)) return job;
  const { status } = job.status(context.now);
  if (status !== 'finished') return apiError(404, `Job did not finish successfully (status: ${status})`);
  return context.state.results.render(job);
};
