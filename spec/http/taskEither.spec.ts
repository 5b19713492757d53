import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { chain, chainEitherKW, fromEither, map, mapLeft, sequenceSeqArray } from '../../src/http/taskEither';

// The written-out combinators must answer exactly what fp-ts's own answer, Right and Left alike.
describe('the TaskEither combinators of the http layer', () => {
  const inputs = [E.right<string, number>(2), E.left<string, number>('refused')];

  it.each(inputs)('answer as fp-ts does for %p', async (input) => {
    const double = (n: number): TE.TaskEither<string, number> => TE.right(n * 2);
    const positive = (n: number): E.Either<'not positive', number> =>
      n > 3 ? E.right(n) : E.left('not positive');
    const ours = pipe(
      fromEither(input),
      chain(double),
      map((n) => n + 1),
      chainEitherKW(positive),
      mapLeft((e) => `[${e}]`),
    );
    const theirs = pipe(
      TE.fromEither(input),
      TE.chain(double),
      TE.map((n) => n + 1),
      TE.chainEitherKW(positive),
      TE.mapLeft((e) => `[${e}]`),
    );
    expect(await ours()).toEqual(await theirs());
  });

  it('runs a sequence one task after the other and stops at the first Left', async () => {
    const started: number[] = [];
    const step =
      (n: number, result: E.Either<string, number>): TE.TaskEither<string, number> =>
      async () => {
        started.push(n);
        await Promise.resolve();
        return result;
      };
    expect(await sequenceSeqArray([step(1, E.right(1)), step(2, E.right(2))])()).toEqual(E.right([1, 2]));
    started.length = 0;
    const failed = await sequenceSeqArray([
      step(1, E.right(1)),
      step(2, E.left('down')),
      step(3, E.right(3)),
    ])();
    expect(failed).toEqual(E.left('down'));
    expect(started).toEqual([1, 2]);
  });
});
