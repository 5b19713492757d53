import * as E from 'fp-ts/lib/Either.js';
import { map, takeWhile, type Observable } from 'rxjs';
import { withJob, type PlanviewerError } from '../errors/PlanviewerError';
import type { JobEvent } from './JobEvent';
import type { PlanviewerPort } from './PlanviewerPort';
import type { DownloadEvent } from './RetrievedFile';
import { retryTransient, type RetryContext } from './retryTransient';

const toJobEvent = (job: string, intention: string | undefined, e: DownloadEvent): JobEvent => {
  if (e._tag === 'Downloading')
    return e.total === undefined
      ? { _tag: 'Downloading', job, loaded: e.loaded }
      : { _tag: 'Downloading', job, loaded: e.loaded, total: e.total };
  return intention === undefined
    ? { _tag: 'Result', job, file: e.file }
    : { _tag: 'Result', job, intention, file: e.file };
};

/**
 * Downloads a finished job's result: `Downloading` events while the body is read, then `Result`, then
 * completes. Transient failures are retried (the download starts afresh); a final one is the job's Left.
 * Unsubscribing unsubscribes from `port.retrieve`, which aborts the request.
 *
 * @example
 * import type { PlanviewerPort } from './PlanviewerPort';
 * import type { RetryContext } from './retryTransient';
 * import { downloadResult } from './downloadResult';
 * declare const port: PlanviewerPort;
 * declare const retryContext: RetryContext;
 * downloadResult(port, 'job-uuid', 'intention-uuid', retryContext).subscribe(console.log);
 *
 * @since 0.1.0
 * @category constructors
 */
export const downloadResult = (
  port: PlanviewerPort,
  job: string,
  intention: string | undefined,
  context: RetryContext,
): Observable<E.Either<PlanviewerError, JobEvent>> =>
  retryTransient(() => port.retrieve(job), context).pipe(
    map(
      E.bimap(
        (e) => withJob(e, job),
        (d) => toJobEvent(job, intention, d),
      ),
    ),
    takeWhile((e) => E.isRight(e) && e.right._tag !== 'Result', true),
  );
