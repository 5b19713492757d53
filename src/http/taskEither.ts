/**
 * The few `TaskEither` combinators the http layer and the Product API use, written out. They behave as
 * fp-ts's own (`TE.chain`, `TE.map`…: a Left passes through untouched, the first Left of a sequence ends
 * it), and the values are fp-ts `TaskEither`s. Importing `fp-ts/TaskEither` would bring fp-ts's Task,
 * EitherT, Functor and Chain modules into every browser app's bundle for these six small functions.
 *
 * @internal
 */
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';

/**
 * A task that answers the given Either.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js';
 * import { fromEither } from './taskEither';
 * await fromEither(E.right(1))(); // Right(1)
 */
export const fromEither =
  <L, A>(either: E.Either<L, A>): TaskEither<L, A> =>
  () =>
    Promise.resolve(either);

/**
 * Runs the next task with the value of a Right; a Left ends there.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js';
 * import { chain, fromEither } from './taskEither';
 * await chain((n: number) => fromEither(E.right(n + 1)))(fromEither(E.right(1)))(); // Right(2)
 */
export const chain =
  <L, A, B>(f: (a: A) => TaskEither<L, B>) =>
  (task: TaskEither<L, A>): TaskEither<L, B> =>
  async () => {
    const result = await task();
    return E.isLeft(result) ? result : f(result.right)();
  };

/**
 * Checks the value of a Right with a function that may refuse it; the error types add up.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js';
 * import { chainEitherKW, fromEither } from './taskEither';
 * await chainEitherKW((n: number) => (n > 0 ? E.right(n) : E.left('not positive')))(fromEither(E.right(0)))(); // Left('not positive')
 */
export const chainEitherKW =
  <L2, A, B>(f: (a: A) => E.Either<L2, B>) =>
  <L1>(task: TaskEither<L1, A>): TaskEither<L1 | L2, B> =>
  async () => {
    const result = await task();
    return E.isLeft(result) ? result : f(result.right);
  };

/**
 * Maps the value of a Right.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js';
 * import { fromEither, map } from './taskEither';
 * await map((n: number) => n * 2)(fromEither(E.right(2)))(); // Right(4)
 */
export const map =
  <A, B>(f: (a: A) => B) =>
  <L>(task: TaskEither<L, A>): TaskEither<L, B> =>
  async () => {
    const result = await task();
    return E.isLeft(result) ? result : E.right(f(result.right));
  };

/**
 * Maps the error of a Left.
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js';
 * import { fromEither, mapLeft } from './taskEither';
 * await mapLeft((e: string) => e.length)(fromEither(E.left('four')))(); // Left(4)
 */
export const mapLeft =
  <L, M>(f: (e: L) => M) =>
  <A>(task: TaskEither<L, A>): TaskEither<M, A> =>
  async () => {
    const result = await task();
    return E.isLeft(result) ? E.left(f(result.left)) : result;
  };

/**
 * Runs the tasks one after the other and collects their values; the first Left ends the run (the tasks
 * after it never start).
 *
 * @example
 * import * as E from 'fp-ts/lib/Either.js';
 * import { fromEither, sequenceSeqArray } from './taskEither';
 * await sequenceSeqArray([fromEither(E.right(1)), fromEither(E.right(2))])(); // Right([1, 2])
 */
export const sequenceSeqArray =
  <L, A>(tasks: readonly TaskEither<L, A>[]): TaskEither<L, readonly A[]> =>
  async () => {
    const values: A[] = [];
    for (const task of tasks) {
      const result = await task();
      if (E.isLeft(result)) return result;
      values.push(result.right);
    }
    return E.right(values);
  };
