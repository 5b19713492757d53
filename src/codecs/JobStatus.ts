import * as t from 'io-ts';
import type { DecodeError } from '../errors/PlanviewerError';
import { JobUuidCodec, type JobUuid } from './JobUuid';

/**
 * The five documented status strings. The server may add others: {@link JobStatusCodec} keeps any string,
 * and the poller treats an unknown one as "still running" and surfaces it.
 *
 * @since 0.1.0
 * @category model
 */
export const KNOWN_JOB_STATUSES = [
  'initial',
  'in_progress',
  'finished',
  'waiting for user',
  'error',
] as const;

/** @category model */
export type KnownJobStatus = (typeof KNOWN_JOB_STATUSES)[number];

/**
 * Whether a status string is one of the documented five.
 *
 * @example
 * import { isKnownJobStatus } from 'planviewer-rx';
 * isKnownJobStatus('waiting for user'); // true
 * isKnownJobStatus('queued'); // false
 *
 * @category refinements
 */
export const isKnownJobStatus = (s: string): s is KnownJobStatus =>
  (KNOWN_JOB_STATUSES as readonly string[]).includes(s);

/** Absolute step counts until completion, for a progress bar. @category codecs */
export const ProgressCodec = t.type({ current: t.number, total: t.number }, 'Progress');

/**
 * One job in a `GET /jobs/status` response. `progress` is optional because the docs' TypeScript shape
 * marks it so.
 *
 * @example
 * import { JobStatusCodec } from 'planviewer-rx';
 * JobStatusCodec.is({ uuid: '7e6d5c4b-3a29-4f18-9e07-222222222222', status: 'in_progress', progress: { current: 2, total: 6 } }); // true
 *
 * @since 0.1.0
 * @category codecs
 */
export const JobStatusCodec = t.intersection(
  [t.type({ uuid: JobUuidCodec, status: t.string }), t.partial({ progress: ProgressCodec })],
  'JobStatus',
);

/** @category model */
export type JobStatus = t.TypeOf<typeof JobStatusCodec>;

/** The body of `GET /jobs/status`. @category codecs */
export const JobStatusListCodec = t.readonlyArray(JobStatusCodec, 'JobStatusList');

/**
 * A status entry that names one of our jobs but could not be read (a missing `status`, a progress that
 * is no number…). It concerns that job only: the poller retries it within the retry budget, then ends
 * that job, and only that job, with the `DecodeError`.
 *
 * @example
 * import type { UnreadableJobStatus } from 'planviewer-rx';
 * declare const entry: UnreadableJobStatus;
 * console.log(entry.uuid, entry.error.errors);
 *
 * @since 0.2.0
 * @category model
 */
export interface UnreadableJobStatus {
  readonly _tag: 'UnreadableJobStatus';
  readonly uuid: JobUuid;
  readonly error: DecodeError;
}

/** One entry of a status answer: a job's status, or a job's entry that could not be read. @category model */
export type JobStatusEntry = JobStatus | UnreadableJobStatus;

/**
 * Whether a status entry could not be read.
 *
 * @example
 * import { isUnreadableJobStatus } from 'planviewer-rx';
 * isUnreadableJobStatus({ uuid: job, status: 'finished' }); // false
 *
 * @since 0.2.0
 * @category refinements
 */
export const isUnreadableJobStatus = (entry: JobStatusEntry): entry is UnreadableJobStatus =>
  '_tag' in entry && entry._tag === 'UnreadableJobStatus';
