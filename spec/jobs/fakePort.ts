/**
 * A scripted Product API for marble specs: jobs follow timelines in virtual time, every call the port
 * receives is recorded with the virtual time it was subscribed at.
 */
import * as E from 'fp-ts/lib/Either.js';
import { defer, NEVER, of, type Observable, type SchedulerLike } from 'rxjs';
import {
  toJobUuid,
  type JobStatus,
  type JobStatusEntry,
  type JobUuid,
  type KikWaiting,
  type OrderedJob,
} from '../../src/codecs';
import type { PlanviewerError } from '../../src/errors';
import type { DownloadEvent, PlanviewerPort, RetrievedFile } from '../../src/jobs';

/**
 * The job uuid of a short spec name (`jobOf('i1')`): a real uuid, since nothing else enters the poller.
 * The name's characters, hex-encoded, are its last digits, so a failing spec still shows which job.
 */
export const jobOf = (name: string | number): JobUuid => {
  const hex = [...String(name)].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  if (hex.length > 12) throw new Error(`spec job name too long: ${String(name)}`);
  const job = toJobUuid(`00000000-0000-4000-8000-${hex.padStart(12, '0')}`);
  if (job === undefined) throw new Error(`not a job name: ${String(name)}`);
  return job;
};

export const file = (name: string): RetrievedFile => ({
  blob: new Blob([name]),
  filename: `${name}.pdf`,
  contentType: 'application/pdf',
  size: name.length,
});

/** A job's status as a function of virtual time since the order. */
export type Timeline = (elapsedMs: number) => JobStatus | undefined;

/**
 * A job that stays `initial` for `queueMs`, then takes `stepMs[i]` per step and finishes (or fails at
 * the end with status `error`).
 */
export const steps =
  (
    uuid: JobUuid,
    stepMs: readonly number[],
    options: { queueMs?: number; ends?: 'finished' | 'error' } = {},
  ): Timeline =>
  (elapsed) => {
    const total = stepMs.length;
    let end = options.queueMs ?? 0;
    if (elapsed < end) return { uuid, status: 'initial', progress: { current: 0, total } };
    for (let i = 0; i < total; i++) {
      end += stepMs[i] ?? 0;
      if (elapsed < end) return { uuid, status: 'in_progress', progress: { current: i, total } };
    }
    return { uuid, status: options.ends ?? 'finished', progress: { current: total, total } };
  };

/** A job that never moves. */
export const stalled =
  (uuid: JobUuid, current: number, total: number, status = 'in_progress'): Timeline =>
  () => ({ uuid, status, progress: { current, total } });

export interface FakePortScript {
  readonly scheduler: SchedulerLike;
  /** The timeline of each job uuid; time 0 is `orderedAt`. */
  readonly jobs?: Record<string, Timeline>;
  readonly orderedAt?: number;
  /** The order answer (default: one job per intention, `jobOf(intention)`). */
  readonly order?: (
    intentions: readonly string[],
  ) => Observable<E.Either<PlanviewerError, readonly OrderedJob[]>>;
  /** Replaces the status answer for the n-th status call (0-based); return undefined to use the timelines. */
  readonly statusOverride?: (
    call: number,
    uuids: readonly JobUuid[],
  ) => Observable<E.Either<PlanviewerError, readonly JobStatusEntry[]>> | undefined;
  readonly retrieve?: (job: string) => Observable<E.Either<PlanviewerError, DownloadEvent>>;
  readonly waiting?: (job: string) => Observable<E.Either<PlanviewerError, KikWaiting>>;
  readonly select?: (job: string, index: number) => Observable<E.Either<PlanviewerError, void>>;
}

export interface Call {
  readonly at: number;
  readonly args: readonly unknown[];
}

export interface FakePort {
  readonly port: PlanviewerPort;
  readonly orders: Call[];
  readonly statuses: { at: number; uuids: readonly string[] }[];
  readonly retrieves: Call[];
  readonly selects: Call[];
  readonly waitings: Call[];
  /** Virtual times of the status calls that carried `uuid`. */
  readonly pollTimes: (uuid: string) => number[];
}

export const fakePort = (script: FakePortScript): FakePort => {
  const { scheduler } = script;
  const orders: Call[] = [];
  const statuses: { at: number; uuids: readonly string[] }[] = [];
  const retrieves: Call[] = [];
  const selects: Call[] = [];
  const waitings: Call[] = [];
  const orderedAt = script.orderedAt ?? 0;
  const port: PlanviewerPort = {
    order: (intentions) =>
      defer(() => {
        orders.push({ at: scheduler.now(), args: [intentions] });
        return script.order !== undefined
          ? script.order(intentions)
          : of(E.right(intentions.map((uuid) => ({ uuid, job: { uuid: jobOf(uuid) } }))));
      }),
    status: (uuids) =>
      defer(() => {
        const call = statuses.length;
        statuses.push({ at: scheduler.now(), uuids });
        const override = script.statusOverride?.(call, uuids);
        if (override !== undefined) return override;
        const now = scheduler.now() - orderedAt;
        const found = uuids.flatMap((u) => {
          const s = script.jobs?.[u]?.(now);
          return s === undefined ? [] : [s];
        });
        return of(E.right(found));
      }),
    retrieve: (job) =>
      defer(() => {
        retrieves.push({ at: scheduler.now(), args: [job] });
        return script.retrieve !== undefined
          ? script.retrieve(job)
          : of(E.right<PlanviewerError, DownloadEvent>({ _tag: 'Downloaded', file: file(job) }));
      }),
    waiting: (job) =>
      defer(() => {
        waitings.push({ at: scheduler.now(), args: [job] });
        return script.waiting !== undefined ? script.waiting(job) : NEVER;
      }),
    select: (job, index) =>
      defer(() => {
        selects.push({ at: scheduler.now(), args: [job, index] });
        return script.select !== undefined ? script.select(job, index) : of(E.right(undefined));
      }),
  };
  return {
    port,
    orders,
    statuses,
    retrieves,
    selects,
    waitings,
    pollTimes: (uuid) => statuses.filter((s) => s.uuids.includes(uuid)).map((s) => s.at),
  };
};
