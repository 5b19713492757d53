import * as E from 'fp-ts/lib/Either.js';
import { filter, map, type OperatorFunction } from 'rxjs';

/**
 * Keeps the failures: the value of each Left (each ends its job or its order).
 *
 * @example
 * import type { Observable } from 'rxjs';
 * import type { Either } from 'fp-ts/lib/Either.js';
 * import type { JobEvent, PlanviewerError } from 'planviewer-rx';
 * import type { Planviewer } from 'planviewer-rx';
 * import { describeError, failures } from 'planviewer-rx';
 * declare const batch: readonly string[];
 * declare const pv: Planviewer;
 * pv.order$(batch).pipe(failures()).subscribe((e) => console.error(describeError(e)));
 *
 * @since 0.1.0
 * @category operators
 */
export const failures =
  <E, A>(): OperatorFunction<E.Either<E, A>, E> =>
  (source) =>
    source.pipe(
      filter(E.isLeft),
      map((e) => e.left),
    );
