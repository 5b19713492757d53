/**
 * Kadaster follow-up documents (§5.9–5.10).
 *
 * `GET /documents/list/{job}`: 404 until the job is `finished`, 403 for another account's job, `[]` for a
 * finished job of a product without linked documents, else the job's documents.
 *
 * `POST /documents/order` is undocumented upstream; the simulator's contract mirrors `/jobs/order`:
 * body `{ "uuids": [identificatie, …] }` of documents that `documents/list` showed to this account;
 * response `[{ "uuid": identificatie, "job": { "uuid": … } }]`; each document is a `brondocument` job and
 * counts against the daily cap; 402, 400 (any unknown identificatie, nothing placed) and 429 as for orders.
 *
 * @internal
 */
import { apiError, json, ORDER_CAP_MESSAGE, orderCapReached } from '../response';
import { type RouteHandler } from '../state';
import { isOrderList, orderPreflight } from './jobs';
import { isResponse, ownJob } from './ownJob';

/** The product slug a document order creates. */
export const DOCUMENT_PRODUCT = 'brondocument';

export const listDocuments: RouteHandler = (context) => {
  const job = ownJob(context);
  if (isResponse(job)) return job;
  const { status } = job.status(context.now);
  if (status !== 'finished') return apiError(404, `Job did not finish successfully (status: ${status})`);
  const product = context.state.catalogue.product(job.product);
  return json(200, product?.kadaster === true ? context.state.documents.list(job) : []);
};

export const orderDocuments: RouteHandler = (context) => {
  const { state, account, now } = context;
  const identificaties = orderPreflight(context);
  if (!isOrderList(identificaties)) return identificaties;
  const product = state.catalogue.product(DOCUMENT_PRODUCT);
  if (product === undefined) return apiError(400, `This simulator has no "${DOCUMENT_PRODUCT}" product`);
  const sources = [];
  for (const identificatie of identificaties) {
    const source = state.documents.source(identificatie);
    if (source === undefined || source.account !== account.key) {
      return apiError(400, `Invalid set of uuids: unknown document ${JSON.stringify(identificatie)}`);
    }
    sources.push(source);
  }
  if (!state.accounts.reserveOrders(account.key, sources.length, now))
    return orderCapReached(ORDER_CAP_MESSAGE);
  return json(
    200,
    sources.map((source) => {
      const job = state.jobs.create({
        account: account.key,
        product,
        intention: source.identificatie,
        location: source.location,
        planId: null,
        askUser: false,
        now,
      });
      return { uuid: source.identificatie, job: { uuid: job.uuid } };
    }),
  );
};
