import type { Either } from 'fp-ts/lib/Either.js';
import type { Observable } from 'rxjs';
import type { JobStatusEntry, JobUuid, KikWaiting, OrderedJob } from '../codecs';
import type { PlanviewerError } from '../errors';
import type { DownloadEvent } from './RetrievedFile';

/**
 * What the reactive layer needs from the Product API. Production wires it to HTTP (`portFromApi`); marble
 * specs hand it cold observables, so every timing behaviour is testable in virtual time.
 *
 * Each method is lazy (nothing happens before subscription), emits one `Either` and completes (retrieve emits
 * progress first), and aborts its request when unsubscribed.
 *
 * @example
 * import { of } from 'rxjs';
 * import * as E from 'fp-ts/lib/Either.js';
 * import type { PlanviewerPort } from 'planviewer-rx';
 * const port: Partial<PlanviewerPort> = { status: (jobs) => of(E.right(jobs.map((uuid) => ({ uuid, status: 'finished' })))) };
 *
 * @since 0.1.0
 * @category model
 */
export interface PlanviewerPort {
  /** `POST /jobs/order`. Never retried by the caller of this port. */
  readonly order: (
    intentions: readonly string[],
  ) => Observable<Either<PlanviewerError, readonly OrderedJob[]>>;
  /**
   * `GET /jobs/status` for one batch (the caller keeps batches under the size limit), read entry by entry:
   * an entry of one job that cannot be read is an `UnreadableJobStatus` for that job alone.
   */
  readonly status: (
    jobs: readonly JobUuid[],
  ) => Observable<Either<PlanviewerError, readonly JobStatusEntry[]>>;
  /** `GET /jobs/retrieve/{job}`: `Downloading` events while the body is read, then `Downloaded`. */
  readonly retrieve: (job: string) => Observable<Either<PlanviewerError, DownloadEvent>>;
  /** `GET /kik/waiting/{job}`. */
  readonly waiting: (job: string) => Observable<Either<PlanviewerError, KikWaiting>>;
  /** `POST /kik/select/{job}` with `{ select: [index] }`. */
  readonly select: (job: string, index: number) => Observable<Either<PlanviewerError, void>>;
}
