/**
 * planviewer-rx: the reactive TypeScript client for the Planviewer Product API.
 *
 * The public surface of the root entry, and nothing else: the client, its options, the job events, the
 * errors and their helpers, the operators, the location-search builders and the types of what the API
 * answers. Everything not named here is internal and may change in any release. Other entries:
 * `planviewer-rx/polling` (the polling policy as data), `planviewer-rx/ledger` (ledgers for browsers and
 * memory, the in-process budget store), `planviewer-rx/simulator` (a local Product API) and
 * `planviewer-rx/testing` (scripted clients for unit tests). spec/surface/publicNames.spec.ts lists every
 * public name, so a change to this file is a visible decision.
 *
 * @module planviewer-rx
 */

// The client and its options
export {
  createPlanviewer,
  type Planviewer,
  type PlanviewerOptions,
  type PlanviewerSettings,
} from './client/createPlanviewer';
export { PlanviewerConfigError } from './client/PlanviewerConfigError';
export type { PlanviewerConfig } from './config/normalizeConfig';
export type { CredentialsInput } from './config/Credentials';
export type { FetchLike, FetchResponseLike } from './config/FetchLike';
export type { ProductApi, RetrieveOptions } from './api/ProductApi';
export type { CallOptions } from './http/sendRequest';
export type { DownloadProgress } from './http/readResultFile';
export type { Jobs } from './jobs/createJobs';
export type { ChooseLocation, FollowJobOptions, JobsOptions, JobStreamOptions } from './jobs/JobsOptions';
export type { OrderOptions, ResumeOptions } from './jobs/JobsOptions';
export type { RetryOptions } from './jobs/retryBudget';
export type { PollingOptions, PollingPolicy } from './polling/PollingPolicy';

// Job events
export type {
  Choice,
  Downloading,
  Finished,
  JobEvent,
  Ordered,
  Progress,
  Result,
  WaitingForUser,
} from './jobs/JobEvent';
export type { RetrievedFile } from './jobs/RetrievedFile';

// Errors and their helpers
export {
  aborted,
  badRequest,
  bodyTooLarge,
  decodeError,
  forbidden,
  invalidInput,
  isRetryable,
  jobFailed,
  jobNotFound,
  ledgerFailed,
  matchError,
  networkError,
  notFound,
  orderBudgetExhausted,
  orderCapReached,
  orderOutcomeUnknown,
  paymentRequired,
  rateLimited,
  resultNotAvailable,
  serverError,
  timeout,
  unauthorized,
  unexpectedStatus,
  type Aborted,
  type BadRequest,
  type BodyTooLarge,
  type DecodeError,
  type Forbidden,
  type InvalidInput,
  type JobFailed,
  type JobNotFound,
  type LedgerFailed,
  type NetworkError,
  type NotFound,
  type OrderBudgetExhausted,
  type OrderCapReached,
  type OrderOutcomeUnknown,
  type PaymentRequired,
  type PlanviewerError,
  type PlanviewerErrorHandlers,
  type PlanviewerErrorTag,
  type RateLimited,
  type RequestSummary,
  type ResultNotAvailable,
  type ServerError,
  type Timeout,
  type Unauthorized,
  type UnexpectedStatus,
} from './errors/PlanviewerError';
export { describeError } from './errors/describeError';

// Operators
export { results, type JobResultFile } from './operators/results';
export { progress } from './operators/progress';
export { failures } from './operators/failures';
export { throwOnLeft, PlanviewerFailure } from './operators/throwOnLeft';

// Location search builders
export {
  addressSearch,
  allOf,
  fieldQuery,
  parcelSearch,
  type AddressInput,
  type BoolQuery,
  type Entity,
  type FieldQuery,
  type LocationSearch,
  type ParcelInput,
  type StructuredQuery,
} from './endpoints/locationQuery';

// What the API answers (the types of the codecs; the codecs themselves are internal)
export type { Intention, LocationIntentions } from './codecs/Intention';
export type { JobStatus, JobStatusEntry, UnreadableJobStatus } from './codecs/JobStatus';
// The uuid every event names: keep it to follow the job later with `job$` (any case is accepted there).
export { toJobUuid, type JobUuid } from './codecs/JobUuid';
export type { KadasterDocument } from './codecs/KadasterDocument';
export type { KikWaiting } from './codecs/KikWaiting';
export type { AddressProperties } from './codecs/AddressProperties';
export type { Location } from './codecs/Location';
export type { OrderedJob } from './codecs/OrderedJob';
export type { Product } from './codecs/Product';

// Ledgers (the durable record of orders and jobs) and the order budget; see docs/ledgers-and-workers.md.
// The port and the budget's types are here; the ledgers themselves are in `planviewer-rx/ledger` (storage,
// memory, journal), `planviewer-rx/file-ledger` (JSONL file) and `planviewer-rx/postgres`, each bringing the
// code that records and resumes orders, so an app without a ledger does not ship it.
export type {
  JobEnd,
  JobLedger,
  LeaseRequest,
  LedgerJob,
  LedgerSnapshot,
  OrderAnswerRecord,
  OrderingRecord,
  UnknownOrder,
} from './ledger/JobLedger';
export type { OrderBudget, OrderBudgetOptions, OrderBudgetStore } from './ledger/OrderBudget';
