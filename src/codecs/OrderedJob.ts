import * as t from 'io-ts';
import { JobUuidCodec } from './JobUuid';

/**
 * One element of the `POST /jobs/order` response: the intention ordered and the job created for it. The
 * job uuid is decoded to its canonical {@link JobUuid}; an answer with a job uuid that is no uuid is not
 * read at all (and, for an order, reported as `OrderOutcomeUnknown`).
 *
 * @example
 * import { OrderedJobCodec } from './OrderedJob';
 * OrderedJobCodec.is({ uuid: 'intention-uuid', job: { uuid: '7e6d5c4b-3a29-4f18-9e07-222222222222' } }); // true
 *
 * @since 0.1.0
 * @category codecs
 */
export const OrderedJobCodec = /* @__PURE__ */ t.type(
  { uuid: t.string, job: t.type({ uuid: JobUuidCodec }) },
  'OrderedJob',
);

/**
 * One job of an order's answer: the intention and the job uuid it got.
 *
 * @interface
 * @category model
 */
export type OrderedJob = t.TypeOf<typeof OrderedJobCodec>;

/** The body of `POST /jobs/order` (and `POST /documents/order`). @category codecs */
export const OrderedJobListCodec = /* @__PURE__ */ t.readonlyArray(OrderedJobCodec, 'OrderedJobList');
