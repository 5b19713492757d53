import { merge } from 'rxjs';
import type { RunSummary } from '../CliRecord';
import { followJobs, type FollowContext } from '../followJobs';
import type { CommandRun } from './CommandRun';

/**
 * Follows jobs ordered earlier (never orders) with `job$`, all on the client's one shared poller, and
 * saves their results: the common core of `download` and `resume`.
 *
 * @example
 * import type { FollowContext } from '../followJobs';
 * import type { CommandRun } from './CommandRun';
 * import { followLedgerJobs } from './followLedgerJobs';
 * declare const ctx: FollowContext;
 * declare const run: CommandRun;
 * declare const intention: string;
 * declare const job: string;
 * const summary = await followLedgerJobs(run, [{ job, intention }], ctx, 'resume', undefined);
 */
export const followLedgerJobs = (
  run: CommandRun,
  jobs: ReadonlyArray<{ readonly job: string; readonly intention?: string }>,
  ctx: FollowContext,
  command: string,
  deadlineMs: number | undefined,
): Promise<RunSummary> => {
  for (const { job, intention } of jobs) {
    const label = intention === undefined ? undefined : ctx.labels.get(intention);
    if (label !== undefined) ctx.labels.set(job, label);
  }
  return followJobs(
    merge(
      ...jobs.map(({ job, intention }) =>
        run.pv.job$(job, {
          onWaitingForUser: ctx.chooser.onWaitingForUser,
          ...(intention === undefined ? {} : { intention }),
          ...(deadlineMs === undefined ? {} : { deadlineMs }),
        }),
      ),
    ),
    { command, jobs: jobs.map((j) => j.job) },
    ctx,
  );
};
