import * as t from 'io-ts';

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
 * import { isKnownJobStatus } from './JobStatus';
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
 * import { JobStatusCodec } from './JobStatus';
 * JobStatusCodec.is({ uuid: 'j', status: 'in_progress', progress: { current: 2, total: 6 } }); // true
 *
 * @since 0.1.0
 * @category codecs
 */
export const JobStatusCodec = t.intersection(
  [t.type({ uuid: t.string, status: t.string }), t.partial({ progress: ProgressCodec })],
  'JobStatus',
);

/**
 * A job's status as `GET /jobs/status` answers it: its uuid, the status string and, when sent, the progress.
 *
 * @interface
 * @category model
 */
export type JobStatus = t.TypeOf<typeof JobStatusCodec>;

/** The body of `GET /jobs/status`. @category codecs */
export const JobStatusListCodec = t.readonlyArray(JobStatusCodec, 'JobStatusList');
