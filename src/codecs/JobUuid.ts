import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { invalidInput, type InvalidInput } from '../errors/PlanviewerError';
import { showValue } from './showValue';

/** A standard 36-character uuid, any case. @internal */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** The brand that only {@link JobUuidCodec} and {@link toJobUuid} hand out. @category model */
export interface JobUuidBrand {
  readonly JobUuid: unique symbol;
}

/**
 * A job uuid in its one canonical form: a standard uuid in lower case. The server matches uuids without
 * regard to case; we compare canonical values, so `ABC…` and `abc…` are always the same job and a string
 * that is no uuid (`../x`, `not-a-uuid`) can never reach a URL, a batch or the shared poller.
 *
 * @example
 * import { toJobUuid, type JobUuid } from 'planviewer-rx';
 * const job: JobUuid | undefined = toJobUuid('7E6D5C4B-3A29-4F18-9E07-222222222222');
 * // '7e6d5c4b-3a29-4f18-9e07-222222222222'
 *
 * @since 0.2.0
 * @category model
 */
export type JobUuid = string & JobUuidBrand;

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The canonical job uuid of a value, or `undefined` when it is not a uuid.
 *
 * @example
 * import { toJobUuid } from 'planviewer-rx';
 * toJobUuid('7E6D5C4B-3A29-4F18-9E07-222222222222'); // '7e6d5c4b-3a29-4f18-9e07-222222222222'
 * toJobUuid('../admin'); // undefined
 *
 * @since 0.2.0
 * @category constructors
 */
export const toJobUuid = (value: unknown): JobUuid | undefined =>
  typeof value === 'string' && UUID_PATTERN.test(value) ? (value.toLowerCase() as JobUuid) : undefined;

/**
 * The io-ts codec of a job uuid in a response body: accepts a uuid in any case and decodes it to the
 * canonical lower-case {@link JobUuid}; anything else is a decode failure.
 *
 * @example
 * import { JobUuidCodec } from './JobUuid';
 * JobUuidCodec.decode('7E6D5C4B-3A29-4F18-9E07-222222222222'); // Right('7e6d5c4b-…')
 * JobUuidCodec.decode('../x'); // Left
 *
 * @since 0.2.0
 * @category codecs
 */
export const JobUuidCodec = new t.Type<JobUuid, string, unknown>(
  'JobUuid',
  (u): u is JobUuid => toJobUuid(u) === u,
  (u, context) => {
    const job = toJobUuid(u);
    return job === undefined ? t.failure(u, context) : t.success(job);
  },
  (job) => job,
);

/**
 * Decodes a job uuid given by a caller (or read from a ledger) into a {@link JobUuid}, or an
 * `InvalidInput` that names the field.
 *
 * @example
 * import { decodeJobUuid } from './JobUuid';
 * decodeJobUuid('job', 'not-a-uuid'); // Left(InvalidInput { field: 'job', … })
 *
 * @since 0.2.0
 * @category constructors
 */
export const decodeJobUuid = (field: string, value: unknown): E.Either<InvalidInput, JobUuid> => {
  const job = toJobUuid(value);
  return job === undefined
    ? E.left(
        invalidInput(
          field,
          `expected a job uuid like 7e6d5c4b-3a29-4f18-9e07-222222222222, got ${showValue(value)}`,
        ),
      )
    : E.right(job);
};

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Whether two values name the same job: the one way job uuids are matched (a status entry to the job
 * asked about, a ledger line to a job). Something that is not a uuid matches nothing, not even itself.
 *
 * @example
 * import { sameJobUuid } from './JobUuid';
 * sameJobUuid('7E6D5C4B-3A29-4F18-9E07-222222222222', '7e6d5c4b-3a29-4f18-9e07-222222222222'); // true
 * sameJobUuid('x', 'x'); // false
 *
 * @since 0.2.0
 * @category destructors
 */
export const sameJobUuid = (a: unknown, b: unknown): boolean => {
  const x = toJobUuid(a);
  return x !== undefined && x === toJobUuid(b);
};

/** Shows a bad value briefly, without dumping large objects into a message. */
