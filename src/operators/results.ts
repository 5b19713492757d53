import * as E from 'fp-ts/lib/Either.js';
import { filter, map, type OperatorFunction } from 'rxjs';
import type { JobEvent, Result } from '../jobs/JobEvent';
import type { RetrievedFile } from '../jobs/RetrievedFile';

/**
 * A downloaded result with the job (and intention, when known) it belongs to.
 *
 * @example
 * import type { JobResultFile } from 'planviewer-rx';
 * const name = (f: JobResultFile) => f.filename ?? `${f.job}.pdf`;
 *
 * @category model
 */
export type JobResultFile = RetrievedFile & { readonly job: string; readonly intention?: string };

const isResult = <E>(e: E.Either<E, JobEvent>): e is E.Right<Result> =>
  E.isRight(e) && e.right._tag === 'Result';

/**
 * Keeps the downloaded files: each `Result` as `{ blob, filename, contentType, size, job, intention? }`,
 * so a `save(file)` needs no unwrapping. Lefts and other events are dropped (see `failures()`).
 *
 * @example
 * import type { Planviewer } from 'planviewer-rx';
 * import { results } from 'planviewer-rx';
 * declare const intention: string;
 * declare const pv: Planviewer;
 * pv.order$([intention]).pipe(results()).subscribe((f) => console.log(f.job, f.filename, f.size));
 *
 * @since 0.1.0
 * @category operators
 */
export const results =
  <E>(): OperatorFunction<E.Either<E, JobEvent>, JobResultFile> =>
  (source) =>
    source.pipe(
      filter(isResult),
      map(({ right: r }): JobResultFile =>
        r.intention === undefined
          ? { ...r.file, job: r.job }
          : { ...r.file, job: r.job, intention: r.intention },
      ),
    );
