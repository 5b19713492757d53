import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type * as t from 'io-ts';
import {
  decodeJson,
  entriesOf,
  entryDecodeError,
  JobStatusCodec,
  isUnreadableJobStatus,
  OrderedJobCodec,
  toJobUuid,
  KadasterDocumentListCodec,
  KikWaitingCodec,
  LocationIntentionsListCodec,
  LocationListCodec,
  ProductListCodec,
  type Entries,
  type JobStatus,
  type JobStatusEntry,
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
import { truncateBody } from '../errors/errorFromResponse';
import {
  bodyTooLarge,
  decodeError,
  orderOutcomeUnknown,
  type InvalidInput,
  type PlanviewerError,
  type RequestSummary,
} from '../errors/PlanviewerError';
import { readBoundedText, readTextPrefix } from '../http/readBoundedText';
import { readResultFile, type DownloadProgress } from '../http/readResultFile';
import { sendRequest, type CallOptions, type ReadContext } from '../http/sendRequest';
import * as te from '../http/taskEither';
import type { FetchResponseLike } from '../config/FetchLike';
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
  /**
   * `POST /jobs/order`: places the order ONCE (costs money; never retried). Entries of the answer are read
   * one by one: an entry that cannot be read (e.g. a job uuid that is no uuid) is left out, so its
   * intention is missing from the result (`order$` then ends that intention with `OrderOutcomeUnknown`).
   */
  readonly order: (
    intentions: readonly string[],
    options?: CallOptions,
  ) => TE.TaskEither<PlanviewerError, readonly OrderedJob[]>;
  /**
   * `GET /jobs/status` for any number of jobs: split under the URL limit, merged by uuid, in request order.
   * `jobs` are uuids in any case, at least one, no job twice (else `InvalidInput`, nothing is sent).
   * Uuids come back in their canonical lower case. An entry that cannot be read fails the call with its
   * `DecodeError` (use `statusEntries` to get the readable ones and the unreadable ones apart).
   */
  readonly status: (
    jobs: readonly string[],
    options?: CallOptions,
  ) => TE.TaskEither<PlanviewerError, readonly JobStatus[]>;
  /**
   * `GET /jobs/status`, read entry by entry: an entry of one of the asked jobs that cannot be read is an
   * `UnreadableJobStatus` for that job alone, and entries that name no asked job are left out. `jobs` as
   * for `status`.
   */
  readonly statusEntries: (
    jobs: readonly string[],
    options?: CallOptions,
  ) => TE.TaskEither<PlanviewerError, readonly JobStatusEntry[]>;
  /**
   * `GET /jobs/retrieve/{job}`: the result file as a global Blob. Here and in `waiting`, `select` and
   * `documents`, `job` is a uuid in any case; anything else is an `InvalidInput` and nothing is sent.
   */
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
  /** A JSON body, never more than `maxJsonBodyBytes` of it, redacted before anything keeps it. */
  // The body is read (at most maxJsonBodyBytes of it) and decoded while the request is open: a decode
  // error names the URL that answered (after any redirect).
  const readJson =
    <A>(codec: t.Decoder<unknown, A>) =>
    async (response: FetchResponseLike, context: ReadContext): Promise<E.Either<PlanviewerError, A>> => {
      const read = await readBoundedText(response, config.maxJsonBodyBytes, context.signal);
      return read._tag === 'Text'
        ? decodeJson(codec, context.request, context.redact(read.text))
        : E.left(bodyTooLarge(context.request, config.maxJsonBodyBytes, read.contentLength));
    };

  const json =
    <A>(codec: t.Decoder<unknown, A>) =>
    (spec: E.Either<InvalidInput, RequestSpec>, options?: CallOptions): TE.TaskEither<PlanviewerError, A> =>
      pipe(
        te.fromEither<PlanviewerError, RequestSpec>(spec),
        te.chain((valid) => sendRequest(config, valid, readJson(codec), options)),
        te.chainEitherKW((read) => read),
      );

  /**
   * The order was placed (2xx): every readable entry is kept, so one odd entry never loses its siblings'
   * job uuids. An answer with no readable entry at all, or that is no array, cannot tell which jobs were
   * made: say so plainly.
   */
  const ordering = (
    spec: E.Either<InvalidInput, RequestSpec>,
    options?: CallOptions,
  ): TE.TaskEither<PlanviewerError, readonly OrderedJob[]> =>
    pipe(
      json(entriesOf(OrderedJobCodec))(spec, options),
      te.chainEitherKW((answer: Entries<OrderedJob>) =>
        answer.decoded.length === 0 && answer.undecodable.length > 0 && E.isRight(spec)
          ? E.left(
              decodeError(
                requestSummaryOf(config.apiRoot, spec.right),
                answer.undecodable.flatMap((u) => u.errors),
                truncateBody(JSON.stringify(answer.undecodable.map((u) => u.value))),
              ),
            )
          : E.right(answer.decoded),
      ),
      te.mapLeft((e) =>
        E.isRight(spec) && spec.right.call.kind === 'order'
          ? e._tag === 'DecodeError'
            ? orderOutcomeUnknown(
                e.request,
                spec.right.call.intentions,
                `the server accepted the order but its answer could not be read (${e.errors.join('; ')}); body: ${e.body}`,
              )
            : e._tag === 'BodyTooLarge'
              ? orderOutcomeUnknown(
                  e.request,
                  spec.right.call.intentions,
                  `the server accepted the order but its answer was over ${e.limitBytes} bytes, not read`,
                )
              : e
          : e,
      ),
    );

  const statusEntries = (
    jobs: readonly string[],
    options?: CallOptions,
  ): TE.TaskEither<PlanviewerError, readonly JobStatusEntry[]> =>
    pipe(
      te.fromEither<PlanviewerError, readonly RequestSpec[]>(
        statusBatches(config.apiRoot, jobs, config.maxUrlLength),
      ),
      // Batches go one after the other: a status call is cheap, and a burst of parallel requests is not.
      te.chain((batches) =>
        te.sequenceSeqArray(
          batches.map((b) =>
            pipe(
              json(entriesOf(JobStatusCodec))(E.right(b), options),
              te.map((answer) => statusEntriesOf(requestSummaryOf(config.apiRoot, b), answer)),
            ),
          ),
        ),
      ),
      te.map((responses) => matchByUuid(jobs, responses.flat())),
    );

  return {
    products: (options) => json(ProductListCodec)(E.right(productsListRequest()), options),
    searchLocations: (search, options) => json(LocationListCodec)(locationSearchRequest(search), options),
    intentions: (locations, products, options) =>
      json(LocationIntentionsListCodec)(intentionsListRequest(locations, products), options),
    order: (intentions, options) => ordering(orderRequest(intentions), options),
    status: (jobs, options) =>
      pipe(
        statusEntries(jobs, options),
        te.chainEitherKW((entries) => {
          const unreadable = entries.find(isUnreadableJobStatus);
          return unreadable === undefined
            ? E.right(entries.filter((e): e is JobStatus => !isUnreadableJobStatus(e)))
            : E.left(unreadable.error);
        }),
      ),
    statusEntries,
    retrieve: (job, options = {}) =>
      pipe(
        te.fromEither<PlanviewerError, RequestSpec>(retrieveRequest(job)),
        te.chain((spec) => sendRequest(config, spec, readResultFile(options.onProgress), options)),
      ),
    waiting: (job, options) => json(KikWaitingCodec)(kikWaitingRequest(job), options),
    select: (job, index, options) =>
      pipe(
        te.fromEither<PlanviewerError, RequestSpec>(kikSelectRequest(job, index)),
        // The select response body is undocumented: any 2xx is accepted and the body ignored.
        te.chain((spec) => sendRequest(config, spec, (response) => readTextPrefix(response, 1024), options)),
        te.map(() => undefined),
      ),
    documents: (job, options) => json(KadasterDocumentListCodec)(documentsListRequest(job), options),
    orderDocuments: (documents, options) => ordering(documentsOrderRequest(documents), options),
  };
};

/** An unreadable entry that still names a job concerns that job; one that names none concerns nobody. */
const statusEntriesOf = (request: RequestSummary, answer: Entries<JobStatus>): readonly JobStatusEntry[] => [
  ...answer.decoded,
  ...answer.undecodable.flatMap((entry): readonly JobStatusEntry[] => {
    const uuid = toJobUuid((entry.value as { readonly uuid?: unknown } | null)?.uuid);
    return uuid === undefined
      ? []
      : [{ _tag: 'UnreadableJobStatus', uuid, error: entryDecodeError(request, entry) }];
  }),
];

/**
 * The status entries of the jobs asked for, in the order asked, matched by canonical job uuid (never by
 * position; {@link sameJobUuid} semantics). Jobs the server left out are left out here too; entries for
 * jobs nobody asked about are dropped, and of two entries for one job the first counts.
 *
 * @internal
 */
export const matchByUuid = <S extends JobStatusEntry>(
  asked: readonly string[],
  statuses: readonly S[],
): readonly S[] => {
  const byUuid = new Map<string, S>();
  for (const s of statuses) if (!byUuid.has(s.uuid)) byUuid.set(s.uuid, s);
  return asked.flatMap((uuid) => {
    const job = toJobUuid(uuid);
    const found = job === undefined ? undefined : byUuid.get(job);
    return found === undefined ? [] : [found];
  });
};
