import * as E from 'fp-ts/lib/Either.js';
import * as path from 'node:path';
import {
  concatMap,
  defaultIfEmpty,
  from,
  lastValueFrom,
  of,
  Subject,
  takeUntil,
  type Observable,
} from 'rxjs';
import type { PlanviewerError } from '../errors/PlanviewerError';
import type { JobEvent, Result } from '../jobs/JobEvent';
import { describeForCli, isStillRunning } from './cliErrors';
import { jobOfError, type RunSummary, type SavedResult } from './CliRecord';
import { ExitCode, exitCodeOf, worseExitCode, type ExitCodeValue } from './exitCodes';
import type { Ledger } from './Ledger';
import type { LocationChooser } from './locationChooser';
import type { Reporter } from './Reporter';
import { saveResultFile } from './saveResultFile';

/**
 * What {@link followJobs} needs: where to save and record, how to report, and what people call the
 * intentions and jobs (labels are learnt as `Ordered` events pair intentions with jobs).
 *
 * @example
 * import type { LocationChooser } from './locationChooser';
 * import type { Ledger } from './Ledger';
 * import type { Reporter } from './Reporter';
 * import { FollowContext } from './followJobs';
 * declare const chooser: LocationChooser;
 * declare const ledger: Ledger;
 * declare const reporter: Reporter;
 * declare const outDir: string;
 * const ctx: FollowContext = { ledger, outDir, force: false, reporter, labels: new Map(), chooser };
 */
export interface FollowContext {
  readonly ledger: Ledger;
  readonly outDir: string;
  readonly force: boolean;
  readonly reporter: Reporter;
  /** Intention or job uuid → label, e.g. `bestemmingsplanrapport @ Voorbeeldstraat 2`. */
  readonly labels: Map<string, string>;
  readonly chooser: LocationChooser;
  /** Masks secrets in what goes to the ledger (a server's error body may echo the Authorization header). */
  readonly mask?: (text: string) => string;
}

/**
 * Set when the stream is an order: its ledger id and intentions, for `order-failed` / `order-unknown`.
 *
 * @example
 * import { randomUUID } from 'node:crypto';
 * import { OrderRef } from './followJobs';
 * const order: OrderRef = { id: randomUUID(), intentions: ['3ca18ee6-a6be-4934-8e4a-3edc8b2106dd'] };
 */
export interface OrderRef {
  readonly id: string;
  readonly intentions: readonly string[];
}

/**
 * What the caller already knows about the stream.
 *
 * @example
 * import { FollowSubject } from './followJobs';
 * const resuming: FollowSubject = { command: 'resume', jobs: ['7e6d5c4b-3a29-4f18-9e07-222222222222'] };
 */
export interface FollowSubject {
  readonly command: string;
  /** The order being followed (order$), if any. */
  readonly order?: OrderRef;
  /** The jobs being followed (job$), if known up front. */
  readonly jobs?: readonly string[];
}

const extensionOf = (contentType: string | null): string =>
  contentType?.includes('pdf') === true ? '.pdf' : contentType?.includes('json') === true ? '.json' : '.bin';

/**
 * Consumes a stream of job events for a command (`order`, `download`, `resume`, the demo) and makes it
 * durable: every job uuid to the ledger as soon as it is known (`ordered`), every result saved with
 * {@link saveResultFile} and recorded (`downloaded`), every failure recorded (`job-failed`,
 * `order-failed`, `order-unknown`) and reported with `describeError`. Resolves with the summary once
 * every job has ended, or as soon as the only jobs left are waiting for a choice nobody can make now. A
 * job still running at its `--deadline` is listed as `running`, not as failed.
 *
 * Events are handled one at a time, in order, so an `ordered` line is on disk before anything later in
 * the stream is looked at.
 *
 * @example
 * import type { FollowContext } from './followJobs';
 * import type { Planviewer } from 'planviewer-rx';
 * import { followJobs } from './followJobs';
 * declare const ctx: FollowContext;
 * declare const intentions: readonly string[];
 * import type { OrderRef } from './followJobs';
 * declare const pv: Planviewer;
 * declare const order: OrderRef;
 * const summary = await followJobs(pv.order$(intentions), { command: 'order', order }, ctx);
 * process.exitCode = summary.exitCode;
 */
export const followJobs = async (
  events: Observable<E.Either<PlanviewerError, JobEvent>>,
  subject: FollowSubject,
  ctx: FollowContext,
): Promise<RunSummary> => {
  const { ledger, reporter, labels, chooser } = ctx;
  const ledgerMessage = (error: PlanviewerError): string => (ctx.mask ?? String)(describeForCli(error));
  const active = new Set(subject.jobs ?? []);
  const seen = new Set(subject.jobs ?? []);
  const files: SavedResult[] = [];
  const failed: Array<{ job?: string; error: string }> = [];
  const running: string[] = [];
  let exitCode: ExitCodeValue = ExitCode.ok;
  const stop = new Subject<void>();

  const labelOf = (job: string): { label?: string } => {
    const label = labels.get(job);
    return label === undefined ? {} : { label };
  };
  // Nothing more can happen without a person: end the run, the jobs stay in the ledger as pending.
  const stopIfOnlyWaiting = (): void => {
    if (active.size > 0 && [...active].every((j) => chooser.unanswered.has(j))) stop.next();
  };
  chooser.onUnanswered = stopIfOnlyWaiting;
  const ended = (job: string): void => {
    active.delete(job);
    stopIfOnlyWaiting();
  };

  const onError = (error: PlanviewerError): void => {
    const job = jobOfError(error);
    exitCode = worseExitCode(exitCode, exitCodeOf(error));
    if (isStillRunning(error)) {
      // Not a failure: the job goes on on the server and stays pending in the ledger (its `ordered` line).
      running.push(error.job);
      reporter.report({ type: 'error', error, ...labelOf(error.job) });
      ended(error.job);
      return;
    }
    failed.push({ ...(job === undefined ? {} : { job }), error: error._tag });
    if (job !== undefined) {
      ledger.append({ type: 'job-failed', job, error: error._tag, message: ledgerMessage(error) });
      reporter.report({ type: 'error', error, ...labelOf(job) });
      ended(job);
      return;
    }
    if (subject.order !== undefined) {
      const order = subject.order.id;
      ledger.append(
        error._tag === 'OrderOutcomeUnknown'
          ? { type: 'order-unknown', order, intentions: error.intentions, message: ledgerMessage(error) }
          : { type: 'order-failed', order, error: error._tag, message: ledgerMessage(error) },
      );
    }
    reporter.report({ type: 'error', error });
  };

  const onResult = async (e: Result): Promise<void> => {
    reporter.report({ type: 'event', event: e, ...labelOf(e.job) });
    try {
      const saved = await saveResultFile(
        ctx.outDir,
        e.file.filename,
        `${e.job}${extensionOf(e.file.contentType)}`,
        e.file.blob,
        ctx.force,
        // --force replaces what was there before this run, never a result this run saved.
        new Set(files.map((f) => f.file)),
      );
      ledger.append({
        type: 'downloaded',
        job: e.job,
        file: path.relative(ctx.outDir, saved.path),
        bytes: saved.bytes,
      });
      files.push({ job: e.job, file: saved.path, bytes: saved.bytes });
      reporter.report({ type: 'saved', job: e.job, file: saved.path, bytes: saved.bytes, ...labelOf(e.job) });
    } catch (err) {
      // A local failure (disk full, permissions): the job stays pending in the ledger for `resume`.
      const message = `could not save the result: ${(err as Error).message}`;
      ledger.append({ type: 'job-failed', job: e.job, error: 'SaveFailed', message });
      failed.push({ job: e.job, error: 'SaveFailed' });
      exitCode = worseExitCode(exitCode, ExitCode.partial);
      reporter.report({ type: 'note', text: `${labels.get(e.job) ?? e.job}: FAILED ${message}` });
    }
    ended(e.job);
  };

  // Synchronous except for saving a result, so that records keep the order of the events (a buffered
  // event would be reported after, say, the answer the chooser gave to it).
  const handle = (event: E.Either<PlanviewerError, JobEvent>): Promise<void> | undefined => {
    if (E.isLeft(event)) {
      onError(event.left);
      return undefined;
    }
    const e = event.right;
    if (!seen.has(e.job)) {
      seen.add(e.job);
      active.add(e.job);
    }
    switch (e._tag) {
      case 'Ordered': {
        const label = labels.get(e.intention);
        if (label !== undefined) labels.set(e.job, label);
        // On screen first, then on disk, with nothing in between: should the ledger write fail, the
        // job uuid (the only way to the paid-for result) has at least been shown.
        reporter.report({ type: 'event', event: e, ...labelOf(e.job) });
        ledger.append({
          type: 'ordered',
          order: subject.order?.id ?? 'unknown',
          intention: e.intention,
          job: e.job,
        });
        return undefined;
      }
      case 'Result':
        return onResult(e);
      case 'Finished':
        reporter.report({ type: 'event', event: e, ...labelOf(e.job) });
        ended(e.job);
        return undefined;
      default:
        reporter.report({ type: 'event', event: e, ...labelOf(e.job) });
        return undefined;
    }
  };

  await lastValueFrom(
    events.pipe(
      takeUntil(stop),
      concatMap((e) => {
        const saving = handle(e);
        return saving === undefined ? of(undefined) : from(saving);
      }),
      defaultIfEmpty(undefined),
    ),
  );
  const waiting = [...active].filter((j) => chooser.unanswered.has(j));
  if (waiting.length > 0) exitCode = worseExitCode(exitCode, ExitCode.partial);
  return {
    command: subject.command,
    jobs: seen.size,
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    failed,
    waiting,
    running,
    exitCode,
  };
};
