import * as E from 'fp-ts/lib/Either.js';
import {
  concat,
  defer,
  EMPTY,
  filter,
  mergeMap,
  of,
  share,
  takeUntil,
  takeWhile,
  type Observable,
} from 'rxjs';
import type { JobUuid } from '../codecs';
import { jobFailed, timeout, withJob, type PlanviewerError } from '../errors/PlanviewerError';
import { isChange, WAITING } from '../polling/PollState';
import { endAtDeadline } from './deadline';
import { downloadResult } from './downloadResult';
import type { JobEvent, Progress } from './JobEvent';
import type { NormalizedStreamOptions } from './JobsOptions';
import type { PlanviewerPort } from './PlanviewerPort';
import type { RetryContext } from './retryTransient';
import type { PollerUpdate, StatusPoller } from './statusPoller';
import { answerWaitingForUser, fetchWaitingForUser } from './waitingForUser';

/**
 * What a job stream is built from.
 *
 * @example
 * import type { StatusPoller } from './statusPoller';
 * import type { PlanviewerPort } from './PlanviewerPort';
 * import type { RetryContext } from './retryTransient';
 * import type { JobStreamContext } from './jobStream';
 * declare const poller: StatusPoller;
 * declare const port: PlanviewerPort;
 * declare const retryContext: RetryContext;
 * const context: JobStreamContext = { port, poller, retry: retryContext };
 *
 * @category model
 */
export interface JobStreamContext {
  readonly port: PlanviewerPort;
  readonly poller: StatusPoller;
  readonly retry: RetryContext;
}

/**
 * One job to follow.
 *
 * @example
 * import type { FollowedJob } from './jobStream';
 * import type { NormalizedStreamOptions } from './JobsOptions';
 * import { toJobUuid } from '../codecs/JobUuid';
 * declare const options: NormalizedStreamOptions;
 * const followed: FollowedJob = { job: toJobUuid('7e6d5c4b-3a29-4f18-9e07-222222222222')!, intention: 'intention-uuid', orderedAt: 0, options };
 *
 * @category model
 */
export interface FollowedJob {
  /** Decoded before it gets here: the shared poller only ever sees canonical job uuids. */
  readonly job: JobUuid;
  readonly intention?: string;
  /** Scheduler time of the order, when we placed it. */
  readonly orderedAt?: number;
  /** Scheduler time at which the job ends with `Timeout`. */
  readonly deadlineAt?: number;
  readonly options: NormalizedStreamOptions;
}

type Emission = E.Either<PlanviewerError, JobEvent>;

/**
 * The events of one job, from the shared poller on: `Progress` on every change, the waiting-for-user
 * round trip, then the download (`Downloading` … `Result`) or `Finished`. Any Left ends the stream;
 * unsubscribing stops this job's polling and aborts its download. (The abort signal is handled by
 * the caller, once per stream: see `endOnAbort`.)
 *
 * @example
 * import { toJobUuid } from 'planviewer-rx';
 * import type { NormalizedStreamOptions } from './JobsOptions';
 * import { jobStream, type JobStreamContext } from './jobStream';
 * declare const context: JobStreamContext;
 * declare const options: NormalizedStreamOptions;
 * const job = toJobUuid('7e6d5c4b-3a29-4f18-9e07-222222222222')!;
 * jobStream(context, { job, options }).subscribe(console.log);
 *
 * @since 0.1.0
 * @category constructors
 */
export const jobStream = (context: JobStreamContext, followed: FollowedJob): Observable<Emission> =>
  defer(() => {
    const { job, intention, options } = followed;
    const { port, poller, retry } = context;
    const updates = poller
      .follow({
        job,
        policy: options.polling,
        ...(followed.orderedAt === undefined ? {} : { orderedAt: followed.orderedAt }),
        ...(followed.deadlineAt === undefined
          ? {}
          : { deadlineAt: followed.deadlineAt, deadlineMs: options.deadlineMs ?? 0 }),
      })
      .pipe(share());
    let shown: Progress | undefined;

    const leftWaiting = updates.pipe(filter((u) => u._tag === 'Ended' || u.status.status !== WAITING));

    const waitingFlow = (): Observable<Emission> =>
      fetchWaitingForUser(port, job, retry).pipe(
        mergeMap((result) => {
          if (E.isLeft(result)) return of(result);
          const choose = options.onWaitingForUser;
          return concat(
            of(E.right(result.right)),
            choose === undefined
              ? EMPTY
              : answerWaitingForUser(port, result.right, choose, () => poller.pollSoon(job)),
          );
        }),
        takeUntil(leftWaiting),
      );

    const finished = (): Observable<Emission> =>
      options.download
        ? downloadResult(port, job, intention, retry).pipe(
            endAtDeadline<Emission>(followed.deadlineAt, retry.scheduler, () =>
              E.left(withJob(timeout(options.deadlineMs ?? 0, undefined, 'finished'), job)),
            ),
          )
        : of<Emission>(E.right({ _tag: 'Finished', job, ...(intention === undefined ? {} : { intention }) }));

    const onUpdate = (update: PollerUpdate): Observable<Emission> => {
      if (update._tag === 'Ended') return of(E.left(update.error));
      const { status: s } = update;
      const progress: Progress = {
        _tag: 'Progress',
        job,
        status: s.status,
        current: s.progress?.current ?? shown?.current ?? 0,
        total: s.progress?.total ?? shown?.total ?? 0,
        ...(update.eta === undefined ? {} : { eta: update.eta }),
      };
      const changed = isChange(shown, progress);
      const enteredWaiting = s.status === WAITING && shown?.status !== WAITING;
      if (changed) shown = progress;
      const announce: Observable<Emission> = changed ? of(E.right(progress)) : EMPTY;
      switch (s.status) {
        case 'finished':
          return concat(announce, finished());
        case 'error':
          return concat(announce, of(E.left(jobFailed(job, s.progress, intention))));
        case WAITING:
          return enteredWaiting ? concat(announce, waitingFlow()) : announce;
        default:
          return announce;
      }
    };

    return updates.pipe(mergeMap(onUpdate), takeWhile(E.isRight, true));
  });
