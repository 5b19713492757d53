import * as E from 'fp-ts/lib/Either.js';
import { of, type Observable } from 'rxjs';
import { invalidInput, type PlanviewerError } from '../errors/PlanviewerError';
import type { Jobs } from '../jobs/createJobs';
import type { JobEvent } from '../jobs/JobEvent';
import { normalizeStreamOptions, type NormalizedJobsOptions, type ResumeOptions } from '../jobs/JobsOptions';
import type { JobLedger } from './JobLedger';
import { resumeStream } from './resumeStream';

/**
 * `resume$(ledger, options)` of a client: checks the options, then follows the ledger's unfinished jobs
 * with the client's `job$` (see {@link resumeStream}). Reached through the ledger's runtime, so a client
 * that never resumes does not ship it.
 *
 * @example
 * import type { JobLedger } from 'planviewer-rx';
 * import type { Jobs } from '../jobs/createJobs';
 * import type { NormalizedJobsOptions } from '../jobs/JobsOptions';
 * import { resumeJobs } from './resumeJobs';
 * declare const ledger: JobLedger;
 * declare const client: NormalizedJobsOptions;
 * declare const jobs: Jobs;
 * resumeJobs(ledger, { watch: true }, client, jobs.job$).subscribe(console.log);
 *
 * @since 0.2.0
 * @category constructors
 */
export const resumeJobs = (
  ledger: JobLedger,
  options: ResumeOptions,
  client: NormalizedJobsOptions,
  job$: Jobs['job$'],
): Observable<E.Either<PlanviewerError, JobEvent>> => {
  const { watch, ...jobOptions } = options;
  if (watch !== undefined && typeof watch !== 'boolean')
    return of(E.left(invalidInput('watch', 'expected true or false')));
  const stream = normalizeStreamOptions(jobOptions, client);
  if (E.isLeft(stream)) return of(E.left(stream.left));
  return resumeStream(
    { ledger, worker: client.worker, leaseMs: client.leaseMs, scheduler: client.scheduler },
    {
      watch: watch ?? false,
      claimEveryMs: client.claimEveryMs,
      ...(jobOptions.signal === undefined ? {} : { signal: jobOptions.signal }),
    },
    (j) => job$(j.job, { ...jobOptions, intention: j.intention }),
  );
};
