import * as t from 'io-ts';

/**
 * One element of the `POST /jobs/order` response: the intention ordered and the job created for it.
 *
 * @example
 * import { OrderedJobCodec } from './OrderedJob';
 * OrderedJobCodec.is({ uuid: 'intention-uuid', job: { uuid: 'job-uuid' } }); // true
 *
 * @since 0.1.0
 * @category codecs
 */
export const OrderedJobCodec = t.type({ uuid: t.string, job: t.type({ uuid: t.string }) }, 'OrderedJob');

/**
 * One job of an order's answer: the intention and the job uuid it got.
 *
 * @interface
 * @category model
 */
export type OrderedJob = t.TypeOf<typeof OrderedJobCodec>;

/** The body of `POST /jobs/order` (and `POST /documents/order`). @category codecs */
export const OrderedJobListCodec = t.readonlyArray(OrderedJobCodec, 'OrderedJobList');
