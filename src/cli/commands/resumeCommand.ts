import type { CommonOptions, FollowFlags } from '../cliArgs';
import { ExitCode, worseExitCode } from '../exitCodes';
import { followContext } from '../followContext';
import { Ledger } from '../Ledger';
import { removeStaleParts } from '../removeStaleParts';
import type { CommandResult, CommandRun } from './CommandRun';
import { followLedgerJobs } from './followLedgerJobs';

/**
 * `planviewer resume`: reads the ledger in `--out`; every ordered job without a saved result is followed
 * and downloaded; every order whose outcome is unknown (an `order-unknown` entry, or an `ordering`
 * entry with no answer after it: the program died mid-request) is listed for a manual check and makes
 * the exit code 7. Nothing is ever ordered again.
 *
 * @example
 * await resumeCommand(run, { common, follow: {} });
 */
export const resumeCommand = async (
  run: CommandRun,
  args: { readonly common: CommonOptions; readonly follow: FollowFlags },
): CommandResult => {
  const ledger = new Ledger(args.common.outDir);
  const state = ledger.state();
  const stale = removeStaleParts(args.common.outDir);
  if (stale.length > 0)
    run.reporter.report({
      type: 'note',
      text: `Removed ${stale.length} half-written file${stale.length === 1 ? '' : 's'} of an interrupted run.`,
    });
  for (const check of state.needsCheck) run.reporter.report({ type: 'needs-check', ...check });
  const checkCode = state.needsCheck.length > 0 ? ExitCode.outcomeUnknown : ExitCode.ok;
  if (state.pending.length === 0) {
    run.reporter.report({
      type: 'note',
      text: `Nothing to resume in ${ledger.file} (${state.downloaded.length} result${state.downloaded.length === 1 ? '' : 's'} saved).`,
    });
    run.reporter.report({
      type: 'summary',
      summary: {
        command: 'resume',
        jobs: 0,
        files: [],
        bytes: 0,
        failed: [],
        waiting: [],
        running: [],
        exitCode: checkCode,
      },
    });
    return checkCode;
  }
  const ctx = followContext(run.io, run.reporter, args.common, args.follow, state.labels);
  run.reporter.report({
    type: 'note',
    text: `Resuming ${state.pending.length} job${state.pending.length === 1 ? '' : 's'} from ${ledger.file}`,
  });
  const summary = await followLedgerJobs(run, state.pending, ctx, 'resume', args.follow.deadlineMs);
  const final = { ...summary, exitCode: worseExitCode(summary.exitCode, checkCode) };
  run.reporter.report({ type: 'summary', summary: final });
  return final.exitCode;
};
