import type { CommonOptions, FollowFlags } from '../cliArgs';
import { followContext } from '../followContext';
import { Ledger } from '../Ledger';
import type { CommandResult, CommandRun } from './CommandRun';
import { followLedgerJobs } from './followLedgerJobs';

/**
 * `planviewer download <job…>`: follows each job until it finishes (never orders), saves its result in
 * `--out` and records it in the ledger. Labels and intentions come from the ledger when it knows the job.
 *
 * @example
 * await downloadCommand(run, { common, follow: {}, jobs: ['7e6d5c4b-3a29-4f18-9e07-222222222222'] });
 */
export const downloadCommand = async (
  run: CommandRun,
  args: { readonly common: CommonOptions; readonly follow: FollowFlags; readonly jobs: readonly string[] },
): CommandResult => {
  const ledger = new Ledger(args.common.outDir);
  const state = ledger.state();
  const intentionOf = new Map(
    ledger.entries().flatMap((e) => (e.type === 'ordered' ? [[e.job, e.intention] as const] : [])),
  );
  const ctx = followContext(run.io, run.reporter, args.common, args.follow, state.labels);
  const summary = await followLedgerJobs(
    run,
    args.jobs.map((job) => {
      const intention = intentionOf.get(job);
      return intention === undefined ? { job } : { job, intention };
    }),
    ctx,
    'download',
    args.follow.deadlineMs,
  );
  // `resume` follows only what the ledger knows: a job downloaded by uuid alone must be named again.
  const unknownToResume = summary.running.filter((job) => !intentionOf.has(job));
  if (unknownToResume.length > 0)
    run.reporter.report({
      type: 'note',
      text: `Not in the ledger, so \`planviewer resume\` will not pick it up: run \`planviewer download ${unknownToResume.join(' ')}\` again later.`,
    });
  run.reporter.report({ type: 'summary', summary });
  return summary.exitCode;
};
