import * as E from 'fp-ts/lib/Either.js';
import { Observable } from 'rxjs';
import type { ProductApi } from '../api/ProductApi';
import type { CallOptions } from '../http/sendRequest';
import * as te from '../http/taskEither';
import type { PlanviewerPort } from '../jobs/PlanviewerPort';
import type { PlanviewerError } from '../errors/PlanviewerError';
import type { DownloadEvent, RetrievedFile } from '../jobs/RetrievedFile';

/**
 * Runs a one-shot call per subscription, emits its Either and completes; unsubscribing aborts the request
 * (the same contract as RxJS's `fromFetch`). `next` emits before the end (a download's progress).
 */
const callToObservable = <A>(
  call: (
    options: CallOptions,
    next: (value: E.Either<PlanviewerError, A>) => void,
  ) => () => Promise<E.Either<PlanviewerError, A>>,
): Observable<E.Either<PlanviewerError, A>> =>
  new Observable((subscriber) => {
    const controller = new AbortController();
    call({ signal: controller.signal }, (value) => subscriber.next(value))().then(
      (result) => {
        subscriber.next(result);
        subscriber.complete();
      },
      // sendRequest never rejects; a rejection here is a defect and belongs on the error channel.
      (defect: unknown) => subscriber.error(defect),
    );
    return () => controller.abort();
  });

/**
 * The reactive layer's port over HTTP: each method is lazy, emits once and aborts its request when
 * unsubscribed. `retrieve` also emits `Downloading` as bytes arrive.
 *
 * @example
 * import { toJobUuid } from 'planviewer-rx';
 * import type { NormalizedConfig } from '../config/normalizeConfig';
 * import { createProductApi } from '../api/ProductApi';
 * import { portFromApi } from './portFromApi';
 * declare const config: NormalizedConfig;
 * const port = portFromApi(createProductApi(config));
 * port.status([toJobUuid('7e6d5c4b-3a29-4f18-9e07-222222222222')!]).subscribe(console.log);
 *
 * @since 0.1.0
 * @category constructors
 */
export const portFromApi = (api: ProductApi): PlanviewerPort => ({
  order: (intentions) => callToObservable((o) => api.order(intentions, o)),
  status: (jobs) => callToObservable((o) => api.statusEntries(jobs, o)),
  waiting: (job) => callToObservable((o) => api.waiting(job, o)),
  select: (job, index) => callToObservable((o) => api.select(job, index, o)),
  retrieve: (job) =>
    callToObservable<DownloadEvent>((options, next) =>
      te.map((file: RetrievedFile): DownloadEvent => ({ _tag: 'Downloaded', file }))(
        api.retrieve(job, {
          ...options,
          onProgress: (loaded, total) =>
            next(
              E.right(
                total === undefined
                  ? { _tag: 'Downloading', loaded }
                  : { _tag: 'Downloading', loaded, total },
              ),
            ),
        }),
      ),
    ),
});
