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
 * import { isKnownJobStatus } from './JobStatus';
 * isKnownJobStatus('waiting for user'); // true
 * isKnownJobStatus('queued'); // false
 *
 * @category refinements
 */
export const isKnownJobStatus = (s: string): s is KnownJobStatus =>
  (KNOWN_JOB_STATUSES as readonly string[]).includes(s);

const RawProgress = t.type({ current: t.number, total: t.number }, 'Progress');

/**
 * Absolute step counts until completion, for a progress bar. Decoding clamps them so that
 * `0 ≤ current ≤ total` always holds (a negative `total` reads as 0, `current` is cut into `[0, total]`).
 * Clamped rather than refused: an odd counter is cosmetic, and ending a paid job over it would be worse.
 *
 * @example
 * import { ProgressCodec } from './JobStatus';
 * ProgressCodec.decode({ current: -47, total: -1 }); // Right({ current: 0, total: 0 })
 * ProgressCodec.decode({ current: 9, total: 6 }); // Right({ current: 6, total: 6 })
 *
 * @since 0.1.0
 * @category codecs
 */
export const ProgressCodec = new t.Type<t.TypeOf<typeof RawProgress>, t.TypeOf<typeof RawProgress>, unknown>(
  'Progress',
  (u): u is t.TypeOf<typeof RawProgress> =>
    RawProgress.is(u) && u.total >= 0 && u.current >= 0 && u.current <= u.total,
  (u, context) => {
    const raw = RawProgress.validate(u, context);
    if (raw._tag === 'Left') return raw;
    const total = Math.max(0, raw.right.total);
    return t.success({ current: Math.min(Math.max(0, raw.right.current), total), total });
  },
  (p) => p,
);

/**
 * One job in a `GET /jobs/status` response. `progress` is optional because the docs' TypeScript shape
 * marks it so.
 *
 * @example
 * import { JobStatusCodec } from './JobStatus';
 * JobStatusCodec.is({ uuid: '7e6d5c4b-3a29-4f18-9e07-222222222222', status: 'in_progress', progress: { current: 2, total: 6 } }); // true
 *
 * @since 0.1.0
 * @category codecs
 */
export const JobStatusCodec = /* @__PURE__ */ t.intersection(
  [t.type({ uuid: JobUuidCodec, status: t.string }), t.partial({ progress: ProgressCodec })],
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
export const JobStatusListCodec = /* @__PURE__ */ t.readonlyArray(JobStatusCodec, 'JobStatusList');

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
 * import { toJobUuid } from 'planviewer-rx';
 * import { isUnreadableJobStatus } from './JobStatus';
 * const job = toJobUuid('7e6d5c4b-3a29-4f18-9e07-222222222222')!;
 * isUnreadableJobStatus({ uuid: job, status: 'finished' }); // false
 *
 * @since 0.2.0
 * @category refinements
 */
export const isUnreadableJobStatus = (entry: JobStatusEntry): entry is UnreadableJobStatus =>
  '_tag' in entry && entry._tag === 'UnreadableJobStatus';
