import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { createProductApi, type ProductApi } from '../api/ProductApi';
import { normalizeConfig, type NormalizedConfig, type PlanviewerConfig } from '../config/normalizeConfig';
import type { InvalidInput } from '../errors/PlanviewerError';
import { createJobs, type Jobs } from '../jobs/createJobs';
import { normalizeJobsOptions, type JobsOptions, type NormalizedJobsOptions } from '../jobs/JobsOptions';
import { PlanviewerConfigError } from './PlanviewerConfigError';
import { portFromApi } from './portFromApi';

/**
 * Everything `createPlanviewer` accepts: the connection ({@link PlanviewerConfig}: credentials, base URL,
 * fetch, timeouts, user agent) and how jobs are followed ({@link JobsOptions}: scheduler, polling policy,
 * status batch size, retries, a default answer to "waiting for user"). Only `credentials` is required.
 *
 * @example
 * import type { PlanviewerOptions } from 'planviewer-rx';
 * const options: PlanviewerOptions = {
 *   credentials: { key: process.env.PLANVIEWER_KEY!, secret: process.env.PLANVIEWER_SECRET! },
 *   polling: { maxDelayMs: 30_000 },
 * };
 *
 * @since 0.1.0
 * @category model
 */
export interface PlanviewerOptions extends PlanviewerConfig, JobsOptions {}

/**
 * A client: every Product API endpoint as a one-shot `TaskEither`, plus the reactive job streams, which
 * share one batched poller. Logging it (`console.log`, `util.inspect`, `JSON.stringify`) never shows the
 * secret.
 *
 * `select` here is the reactive one (an `Observable`, and the poller looks at the job again soon after);
 * the plain one-shot is `api.select`.
 *
 * @example
 * import { createPlanviewer } from 'planviewer-rx';
 * declare const intentionUuid: string;
 * declare const key: string;
 * declare const secret: string;
 * const pv = createPlanviewer({ credentials: { key, secret } });
 * const products = await pv.products()();          // Either<PlanviewerError, readonly Product[]>
 * pv.order$([intentionUuid]).subscribe(console.log); // Ordered, Progress…, Downloading…, Result
 *
 * @since 0.1.0
 * @category model
 */
export interface Planviewer extends Omit<ProductApi, 'select'>, Jobs {
  /** Every endpoint as a one-shot `TaskEither`, `select` included. */
  readonly api: ProductApi;
  /** The validated settings (credentials redacted), for logging what a client talks to. */
  readonly settings: PlanviewerSettings;
}

/**
 * The validated settings of a client, safe to log: the key id, never the secret.
 *
 * @example
 * import { createPlanviewer } from 'planviewer-rx';
 * declare const key: string;
 * declare const secret: string;
 * console.log(createPlanviewer({ credentials: { key, secret } }).settings.apiRoot);
 * // https://www.planviewer.nl/product_api/v1
 *
 * @category model
 */
export interface PlanviewerSettings {
  /** `null` for a client without credentials (one that talks to your own backend). */
  readonly keyId: string | null;
  readonly apiRoot: string;
  readonly requestTimeoutMs: number;
  readonly downloadIdleTimeoutMs: number;
  readonly userAgent: string;
  readonly maxRedirects: number;
  readonly maxUrlLength: number;
  readonly maxJsonBodyBytes: number;
  readonly maxConcurrentRequests: number;
  readonly statusBatchSize: number;
}

/**
 * Validates every option of a client and fills in the defaults: {@link normalizeConfig} for the
 * connection, {@link normalizeJobsOptions} for the job streams. The first problem found is the Left.
 *
 * @example
 * import { normalizePlanviewerOptions } from './createPlanviewer';
 * normalizePlanviewerOptions({ credentials: { key: 'id', secret: 's' }, statusBatchSize: 0 });
 * // Left(InvalidInput statusBatchSize: expected a whole number from 1 to 10000, got 0)
 *
 * @since 0.1.0
 * @category constructors
 */
export const normalizePlanviewerOptions = (
  options: PlanviewerOptions,
): E.Either<InvalidInput, { readonly config: NormalizedConfig; readonly jobs: NormalizedJobsOptions }> =>
  pipe(
    normalizeConfig(options),
    E.chain((config) =>
      pipe(
        normalizeJobsOptions(typeof options === 'object' && options !== null ? options : {}),
        E.map((jobs) => ({ config, jobs })),
      ),
    ),
  );

/** A field of the config that the settings leave out, besides the fetch and the credentials: none. */
type Unlisted = Exclude<keyof NormalizedConfig, 'credentials' | 'fetch' | keyof PlanviewerSettings>;

// Every field of the config but the fetch and the credentials (of which only the key id): safe to log. A field
// added to the config is a compile error here (`Unlisted` no longer `never`) until the settings list it.
const settingsOf = (
  { credentials, fetch: _fetch, ...config }: NormalizedConfig & Record<Unlisted, never>,
  jobs: NormalizedJobsOptions,
): PlanviewerSettings => ({
  keyId: credentials?.key ?? null,
  ...config,
  statusBatchSize: jobs.statusBatchSize,
});

/**
 * Creates a client. Throws a {@link PlanviewerConfigError} (its `.error` is the typed `InvalidInput`)
 * when the options are invalid — the one place this library throws, because a client that cannot be
 * built is a bug in the calling code. Nothing is sent until you run a task or subscribe to a stream.
 *
 * @example
 * import type { RetrievedFile } from 'planviewer-rx';
 * import { createPlanviewer, results } from 'planviewer-rx';
 * declare const save: (file: RetrievedFile) => void;
 * const pv = createPlanviewer({
 *   credentials: { key: process.env.PLANVIEWER_KEY!, secret: process.env.PLANVIEWER_SECRET! },
 * });
 * pv.order$(['0fe30323-a86e-4048-a7e7-6d60c3365dcb']).pipe(results()).subscribe((f) => save(f));
 *
 * @since 0.1.0
 * @category constructors
 */
export const createPlanviewer = (options: PlanviewerOptions): Planviewer => {
  const normalized = normalizePlanviewerOptions(options);
  if (E.isLeft(normalized)) throw new PlanviewerConfigError(normalized.left);
  const { config, jobs: jobsOptions } = normalized.right;
  const api = createProductApi(config);
  // createJobs validates the same options again; they are valid by now, so it cannot throw here.
  // The streams' `select` (which polls again at once) replaces the one-shot one; `api` keeps that.
  return {
    ...api,
    ...createJobs(portFromApi(api), options),
    api,
    settings: settingsOf(config, jobsOptions),
  };
};
