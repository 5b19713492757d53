import * as E from 'fp-ts/lib/Either.js';
import { map, type OperatorFunction } from 'rxjs';
import { describeError } from '../errors/describeError';
import type { PlanviewerError, PlanviewerErrorTag } from '../errors/PlanviewerError';

/**
 * A {@link PlanviewerError} moved to the RxJS error channel: `name` is the tag (`'PaymentRequired'`,
 * `'JobFailed'`…), `message` is `describeError(error)`, and the typed error is on `.error`.
 *
 * @example
 * import type { Observable } from 'rxjs';
 * import { PlanviewerFailure } from 'planviewer-rx';
 * declare const source$: Observable<unknown>;
 * declare const retryLater: () => void;
 * source$.subscribe({ error: (e) => e instanceof PlanviewerFailure && e.error._tag === 'Timeout' && retryLater() });
 *
 * @since 0.1.0
 * @category model
 */
export class PlanviewerFailure<E extends PlanviewerError = PlanviewerError> extends Error {
  override readonly name: PlanviewerErrorTag;
  constructor(readonly error: E) {
    super(describeError(error));
    this.name = error._tag;
  }
}

/**
 * Unwraps each Right and turns the first Left into an error ({@link PlanviewerFailure}), for code that
 * prefers `catchError` and `retry` to matching on `Either`. Note that the stream then stops at the first
 * failed job, where the Either stream would go on with the others.
 *
 * @example
 * import type { Planviewer } from 'planviewer-rx';
 * import { throwOnLeft } from 'planviewer-rx';
 * declare const job: string;
 * declare const pv: Planviewer;
 * pv.job$(job).pipe(throwOnLeft()).subscribe({ next: (ev) => console.log(ev._tag), error: (e) => console.error(e.name, e.message) });
 *
 * @since 0.1.0
 * @category operators
 */
export const throwOnLeft =
  <E extends PlanviewerError, A>(): OperatorFunction<E.Either<E, A>, A> =>
  (source) =>
    source.pipe(
      map((e) => {
        if (E.isLeft(e)) throw new PlanviewerFailure(e.left);
        return e.right;
      }),
    );
