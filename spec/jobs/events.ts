/** Builders for the events and errors the specs expect. */
import * as E from 'fp-ts/lib/Either.js';
import { map, type OperatorFunction } from 'rxjs';
import type { PlanviewerError } from '../../src/errors';
import type { JobEvent, Progress } from '../../src/jobs';
import { file, jobOf } from './fakePort';

export type Emission = E.Either<PlanviewerError, JobEvent>;

export const ordered = (intention: string): Emission =>
  E.right({ _tag: 'Ordered', intention, job: jobOf(intention) });

export const progress = (job: string, status: string, current: number, total: number): Emission =>
  E.right({ _tag: 'Progress', job, status, current, total });

export const result = (job: string, intention?: string): Emission =>
  E.right(
    intention === undefined
      ? { _tag: 'Result', job, file: file(job) }
      : { _tag: 'Result', job, intention, file: file(job) },
  );

export const left = (e: PlanviewerError): Emission => E.left(e);

/** Drops `eta` from Progress events (specs about event order need not pin the estimate). */
export const withoutEta = (): OperatorFunction<Emission, Emission> =>
  map((e) => {
    if (E.isLeft(e) || e.right._tag !== 'Progress') return e;
    const { eta: _eta, ...rest } = e.right;
    return E.right(rest as Progress);
  });

export const request = (method: string, path: string) => ({ method, url: `https://planviewer.test${path}` });
