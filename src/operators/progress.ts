import * as E from 'fp-ts/lib/Either.js';
import { filter, map, type OperatorFunction } from 'rxjs';
import type { JobEvent, Progress } from '../jobs/JobEvent';

const isProgress = <E>(e: E.Either<E, JobEvent>): e is E.Right<Progress> =>
  E.isRight(e) && e.right._tag === 'Progress';

/**
 * Keeps the `Progress` events (status or step changes, with `eta` once known), e.g. for a progress bar.
 *
 * @example
 * import type { Planviewer } from 'planviewer-rx';
 * import { progress } from 'planviewer-rx';
 * declare const bar: { update(current: number, total: number): void };
 * declare const job: string;
 * declare const pv: Planviewer;
 * pv.job$(job).pipe(progress()).subscribe((p) => bar.update(p.current, p.total));
 *
 * @since 0.1.0
 * @category operators
 */
export const progress =
  <E>(): OperatorFunction<E.Either<E, JobEvent>, Progress> =>
  (source) =>
    source.pipe(
      filter(isProgress),
      map((e) => e.right),
    );
