/**
 * planviewer-rx: the reactive TypeScript client for the Planviewer Product API.
 * The public surface only; see README.md and docs/ for the guides.
 */

// The client
export {
  createPlanviewer,
  normalizePlanviewerOptions,
  type Planviewer,
  type PlanviewerOptions,
  type PlanviewerSettings,
} from './client/createPlanviewer';
export { PlanviewerConfigError } from './client/PlanviewerConfigError';
export { portFromApi } from './client/portFromApi';
export { normalizeConfig, type NormalizedConfig, type PlanviewerConfig } from './config/normalizeConfig';
export { isLoopbackHost } from './config/isLoopbackHost';
export type { FetchLike } from './config/FetchLike';
export type { CredentialsInput } from './config/Credentials';

// One-shot endpoints
export { createProductApi, type ProductApi, type RetrieveOptions } from './api/ProductApi';
export type { CallOptions } from './http/sendRequest';
export type { DownloadProgress } from './http/readResultFile';
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
export { isUuid } from './endpoints/uuid';

// Wire types and their codecs
export * from './codecs';

// Errors
export * from './errors/PlanviewerError';
export { describeError } from './errors/describeError';

// Reactive jobs
export * from './jobs/JobEvent';
export type { PlanviewerPort } from './jobs/PlanviewerPort';
export * from './jobs/RetrievedFile';
export * from './jobs/JobsOptions';
export { defaultRetryOptions, type RetryOptions } from './jobs/retryBudget';
export { createJobs, type Jobs } from './jobs/createJobs';
export { readOrderAnswer, type OrderAnswer } from './jobs/orderAnswer';
export * from './operators';

// Polling policy
export {
  defaultPollingPolicy,
  normalizePollingPolicy,
  type PollingOptions,
  type PollingPolicy,
} from './polling/PollingPolicy';

// File names of results
export { filenameFromContentDisposition, safeBaseName } from './http/resultFilename';
export { parseRetryAfter } from './http/retryAfter';
