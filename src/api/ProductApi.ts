import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type * as t from 'io-ts';
import {
  decodeJson,
  JobStatusListCodec,
  KadasterDocumentListCodec,
  KikWaitingCodec,
  LocationIntentionsListCodec,
  LocationListCodec,
  OrderedJobListCodec,
  ProductListCodec,
  type JobStatus,
  type KadasterDocument,
  type KikWaiting,
  type Location,
  type LocationIntentions,
  type OrderedJob,
  type Product,
} from '../codecs';
import type { NormalizedConfig } from '../config/normalizeConfig';
import {
  documentsListRequest,
  documentsOrderRequest,
  intentionsListRequest,
  kikSelectRequest,
  kikWaitingRequest,
  locationSearchRequest,
  orderRequest,
  productsListRequest,
  requestSummaryOf,
  retrieveRequest,
  statusBatches,
  type LocationSearch,
  type RequestSpec,
} from '../endpoints';
import { orderOutcomeUnknown, type InvalidInput, type PlanviewerError } from '../errors/PlanviewerError';
import { readResultFile, type DownloadProgress } from '../http/readResultFile';
import { sendRequest, type CallOptions } from '../http/sendRequest';
import type { RetrievedFile } from '../jobs/RetrievedFile';

/** Options of a download. @category model */
export interface RetrieveOptions extends CallOptions {
  /** Called as bytes arrive (about every 256 KB and at the end). */
  readonly onProgress?: DownloadProgress;
}

/**
 * Every Product API call as a `TaskEither`: nothing happens until the task runs, and every failure is a
 * typed Left. One-shot calls are not retried here; the job streams retry the idempotent ones.
 *
 * @example
 * import { createPlanviewer } from 'planviewer-rx';
 * declare const key: string, secret: string;
 * const pv = createPlanviewer({ credentials: { key, secret } });
 * const products = await pv.products()(); // Either<PlanviewerError, readonly Product[]>
 *
 * @since 0.1.0
 * @category model
 */
export interface ProductApi {
  /** `GET /products/list`: the products this account can order. */
  readonly products: (options?: CallOptions) => TE.TaskEither<PlanviewerError, readonly Product[]>;
  /** `POST /search/structured`: locations, best match first. Build `search` with `addressSearch`/`parcelSearch`. */
  readonly searchLocations: (
    search: LocationSearch,
    options?: CallOptions,
  ) => TE.TaskEither<PlanviewerError, readonly Location[]>;
  /** `POST /intentions/list`: what can be ordered for these locations and product slugs. */
  readonly intentions: (
    locations: readonly string[],
    products: readonly string[],
    options?: CallOptions,
  ) => TE.TaskEither<PlanviewerError, readonly LocationIntentions[]>;
  /** `POST /jobs/order`: places the order ONCE (costs money; never retried). */
  readonly order: (
    intentions: readonly string[],
    options?: CallOptions,
  ) => TE.TaskEither<PlanviewerError, readonly OrderedJob[]>;
  /** `GET /jobs/status` for any number of jobs: split under the URL limit, merged by uuid, in request order. */
  readonly status: (
    jobs: readonly string[],
    options?: CallOptions,
  ) => TE.TaskEither<PlanviewerError, readonly JobStatus[]>;
  /** `GET /jobs/retrieve/{job}`: the result file as a global Blob. */
  readonly retrieve: (
    job: string,
    options?: RetrieveOptions,
  ) => TE.TaskEither<PlanviewerError, RetrievedFile>;
  /** `GET /kik/waiting/{job}`: the locations a job waiting for the user offers. */
  readonly waiting: (job: string, options?: CallOptions) => TE.TaskEither<PlanviewerError, KikWaiting>;
  /** `POST /kik/select/{job}`: answers a waiting job with the chosen location number. */
  readonly select: (
    job: string,
    index: number,
    options?: CallOptions,
  ) => TE.TaskEither<PlanviewerError, void>;
  /** `GET /documents/list/{job}`: source documents linked to a Kadaster job. */
  readonly documents: (
    job: string,
    options?: CallOptions,
  ) => TE.TaskEither<PlanviewerError, readonly KadasterDocument[]>;
  /** `POST /documents/order` (undocumented contract; see docs/errors.md). Places orders: never retried. */
  readonly orderDocuments: (
    documents: readonly string[],
    options?: CallOptions,
  ) => TE.TaskEither<PlanviewerError, readonly OrderedJob[]>;
}

/**
 * Builds the one-shot API over a normalized config.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js';
 * import { normalizeConfig } from '../config/normalizeConfig';
 * import { createProductApi } from './ProductApi';
 * declare const key: string, secret: string;
 * const config = normalizeConfig({ credentials: { key, secret } });
 * if (E.isRight(config)) await createProductApi(config.right).products()();
 *
 * @since 0.1.0
 * @category constructors
 */
export const createProductApi = (config: NormalizedConfig): ProductApi => {
  const readText = (response: { text(): Promise<string> }): Promise<string> => response.text();

  const json =
    <A>(codec: t.Decoder<unknown, A>) =>
    (spec: E.Either<InvalidInput, RequestSpec>, options?: CallOptions): TE.TaskEither<PlanviewerError, A> =>
      pipe(
        TE.fromEither<PlanviewerError, RequestSpec>(spec),
        TE.chain((valid) =>
          pipe(
            sendRequest(config, valid, readText, options),
            TE.chainEitherKW((body) => decodeJson(codec, requestSummaryOf(config.apiRoot, valid), body)),
          ),
        ),
      );

  /** The order was placed (2xx) but its answer cannot be read: the job uuids are lost, so say so plainly. */
  const ordering = (
    spec: E.Either<InvalidInput, RequestSpec>,
    options?: CallOptions,
  ): TE.TaskEither<PlanviewerError, readonly OrderedJob[]> =>
    pipe(
      json(OrderedJobListCodec)(spec, options),
      TE.mapLeft((e) =>
        e._tag === 'DecodeError' && E.isRight(spec) && spec.right.call.kind === 'order'
          ? orderOutcomeUnknown(
              e.request,
              spec.right.call.intentions,
              `the server accepted the order but its answer could not be read (${e.errors.join('; ')}); body: ${e.body}`,
            )
          : e,
      ),
    );

  return {
    products: (options) => json(ProductListCodec)(E.right(productsListRequest()), options),
    searchLocations: (search, options) => json(LocationListCodec)(locationSearchRequest(search), options),
    intentions: (locations, products, options) =>
      json(LocationIntentionsListCodec)(intentionsListRequest(locations, products), options),
    order: (intentions, options) => ordering(orderRequest(intentions), options),
    status: (jobs, options) =>
      pipe(
        TE.fromEither<PlanviewerError, readonly RequestSpec[]>(
          statusBatches(config.apiRoot, jobs, config.maxUrlLength),
        ),
        // Batches go one after the other: a status call is cheap, and a burst of parallel requests is not.
        TE.chain((batches) =>
          TE.sequenceSeqArray(batches.map((b) => json(JobStatusListCodec)(E.right(b), options))),
        ),
        TE.map((responses) => matchByUuid(jobs, responses.flat())),
      ),
    retrieve: (job, options = {}) =>
      pipe(
        TE.fromEither<PlanviewerError, RequestSpec>(retrieveRequest(job)),
        TE.chain((spec) => sendRequest(config, spec, readResultFile(options.onProgress), options)),
      ),
    waiting: (job, options) => json(KikWaitingCodec)(kikWaitingRequest(job), options),
    select: (job, index, options) =>
      pipe(
        TE.fromEither<PlanviewerError, RequestSpec>(kikSelectRequest(job, index)),
        // The select response body is undocumented: any 2xx is accepted and the body ignored.
        TE.chain((spec) => sendRequest(config, spec, readText, options)),
        TE.map(() => undefined),
      ),
    documents: (job, options) => json(KadasterDocumentListCodec)(documentsListRequest(job), options),
    orderDocuments: (documents, options) => ordering(documentsOrderRequest(documents), options),
  };
};

/**
 * The statuses of the jobs asked for, in the order asked, matched by uuid (never by position). Jobs the
 * server left out are left out here too; entries for jobs nobody asked about are dropped.
 *
 * @internal
 */
export const matchByUuid = (
  asked: readonly string[],
  statuses: readonly JobStatus[],
): readonly JobStatus[] => {
  const byUuid = new Map(statuses.map((s) => [s.uuid.toLowerCase(), s] as const));
  return asked.flatMap((uuid) => {
    const found = byUuid.get(uuid.toLowerCase());
    return found === undefined ? [] : [found];
  });
};
