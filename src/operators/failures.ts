import * as E from 'fp-ts/lib/Either.js';
import { filter, map, type OperatorFunction } from 'rxjs';

/**
 * Keeps the failures: the value of each Left (each ends its job or its order).
 *
 * @example
 * import { describeError, failures } from 'planviewer-rx';
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
