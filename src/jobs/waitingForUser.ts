import * as E from 'fp-ts/lib/Either.js';
import { defer, EMPTY, from, map, mergeMap, of, take, type Observable } from 'rxjs';
import type { KikWaiting } from '../codecs';
import { invalidInput, withJob, type PlanviewerError } from '../errors/PlanviewerError';
import type { Choice, JobEvent, WaitingForUser } from './JobEvent';
import type { ChooseLocation } from './JobsOptions';
import type { PlanviewerPort } from './PlanviewerPort';
import { retryTransient, type RetryContext } from './retryTransient';

/**
 * The `WaitingForUser` event for a `GET /kik/waiting` answer: one choice per key of `locaties` (the
 * keys are string numbers from "1"), in index order.
 *
 * @example
 * import { toWaitingForUser } from './waitingForUser';
 * toWaitingForUser('job-1', { locaties: { '2': 'B', '1': 'A' }, message: 'Which?' }).choices;
 * // [{ index: 1, label: 'A' }, { index: 2, label: 'B' }]
 *
 * @since 0.1.0
 * @category constructors
 */
export const toWaitingForUser = (job: string, waiting: KikWaiting): WaitingForUser => {
  const choices: Choice[] = Object.entries(waiting.locaties)
    .map(([key, label]) => ({ index: Number(key), label }))
    .filter((c) => Number.isInteger(c.index))
    .sort((x, y) => x.index - y.index);
  return { _tag: 'WaitingForUser', job, message: waiting.message, choices };
};

/**
 * Asks the server which locations a waiting job can use (retrying transient failures).
 *
 * @example
 * import type { PlanviewerPort } from './PlanviewerPort';
 * import type { RetryContext } from './retryTransient';
 * import { fetchWaitingForUser } from './waitingForUser';
 * declare const port: PlanviewerPort;
 * declare const retryContext: RetryContext;
 * fetchWaitingForUser(port, 'job-uuid', retryContext).subscribe(console.log); // Right(WaitingForUser)
 *
 * @since 0.1.0
 * @category constructors
 */
export const fetchWaitingForUser = (
  port: PlanviewerPort,
  job: string,
  context: RetryContext,
): Observable<E.Either<PlanviewerError, WaitingForUser>> =>
  retryTransient(() => port.waiting(job).pipe(take(1)), context).pipe(
    map(
      E.bimap(
        (e) => withJob(e, job),
        (w) => toWaitingForUser(job, w),
      ),
    ),
  );

/**
 * Gets a choice from `choose` and posts it. Emits nothing on success (the poller, told by `onSelected`,
 * will show the job moving on); a refused or invalid choice is the job's Left. A `choose` that completes
 * without a value leaves the job waiting.
 *
 * @example
 * import { toJobUuid, type JobUuid, type WaitingForUser } from 'planviewer-rx';
 * import { of } from 'rxjs';
 * import type { PlanviewerPort } from './PlanviewerPort';
 * import type { StatusPoller } from './statusPoller';
 * import { answerWaitingForUser } from './waitingForUser';
 * declare const poller: StatusPoller;
 * declare const port: PlanviewerPort;
 * declare const waiting: WaitingForUser;
 * const job: JobUuid = toJobUuid(waiting.job)!; // the poller takes canonical uuids only
 * answerWaitingForUser(port, waiting, (w) => of(w.choices[0]!.index), () => poller.pollSoon(job));
 *
 * @since 0.1.0
 * @category constructors
 */
export const answerWaitingForUser = (
  port: PlanviewerPort,
  waiting: WaitingForUser,
  choose: ChooseLocation,
  onSelected: () => void,
): Observable<E.Either<PlanviewerError, JobEvent>> =>
  // Deferred so the question is asked when the stream reaches it: after subscribers have seen WaitingForUser.
  defer(() => from(choose(waiting))).pipe(
    take(1),
    mergeMap((index) =>
      waiting.choices.some((c) => c.index === index)
        ? port.select(waiting.job, index).pipe(
            take(1),
            mergeMap((result) => {
              if (E.isLeft(result)) return of(E.left(withJob(result.left, waiting.job)));
              onSelected();
              return EMPTY;
            }),
          )
        : of(
            E.left(
              withJob(
                invalidInput(
                  'onWaitingForUser',
                  `chose ${String(index)}, not one of ${waiting.choices.map((c) => c.index).join(', ')}`,
                ),
                waiting.job,
              ),
            ),
          ),
    ),
  );
