import type { CommonOptions, FollowFlags } from './cliArgs';
import type { CliIo } from './CliIo';
import type { FollowContext } from './followJobs';
import { Ledger } from './Ledger';
import { locationChooser } from './locationChooser';
import type { Reporter } from './Reporter';

/**
 * The {@link FollowContext} of a command that follows jobs: the ledger in `--out`, the reporter, and a
 * chooser that answers "waiting for user" with `--choose`, a question on a terminal, or not at all.
 *
 * @example
 * const ctx = followContext(io, reporter, cmd.common, cmd.follow, ledger.state().labels);
 */
export const followContext = (
  io: CliIo,
  reporter: Reporter,
  common: CommonOptions,
  follow: FollowFlags,
  labels: ReadonlyMap<string, string> = new Map(),
): FollowContext => {
  const known = new Map(labels);
  return {
    ledger: new Ledger(common.outDir),
    outDir: common.outDir,
    force: common.force,
    reporter,
    labels: known,
    mask: (text) => io.mask(text),
    chooser: locationChooser({
      ...(follow.choose === undefined ? {} : { choose: follow.choose }),
      // With --json a person may still be watching stderr, but stdout is for machines: never ask.
      interactive: io.interactive && !common.json,
      reporter,
      labelOf: (job) => known.get(job),
    }),
  };
};
