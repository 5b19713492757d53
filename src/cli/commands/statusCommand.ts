import * as E from 'fp-ts/lib/Either.js';
import { toJobUuid, type JobStatus } from '../../codecs';
import { ExitCode, exitCodeOf } from '../exitCodes';
import { printRow, type CommandResult, type CommandRun } from './CommandRun';

/**
 * `planviewer status <job…>`: status and progress of each job, from one status request.
 *
 * @example
 * await statusCommand(run, ['7e6d5c4b-3a29-4f18-9e07-222222222222']);
 * // 7e6d5c4b-3a29-4f18-9e07-222222222222  in_progress  3/6
 */
export const statusCommand = async (run: CommandRun, jobs: readonly string[]): CommandResult => {
  const result = await run.pv.status(jobs)();
  if (E.isLeft(result)) {
    run.reporter.report({ type: 'error', error: result.left });
    return exitCodeOf(result.left);
  }
  const byUuid = new Map<string, JobStatus>(result.right.map((s) => [s.uuid, s]));
  let exit: typeof ExitCode.ok | typeof ExitCode.partial = ExitCode.ok;
  for (const job of jobs) {
    const s = byUuid.get(toJobUuid(job) ?? job);
    if (s === undefined) {
      exit = ExitCode.partial;
      printRow(run, { type: 'status', job, status: null }, `${job}  (unknown to the server)`);
      continue;
    }
    const p = s.progress;
    printRow(
      run,
      { type: 'status', job, status: s.status, current: p?.current ?? null, total: p?.total ?? null },
      `${job}  ${s.status}${p === undefined ? '' : `  ${p.current}/${p.total}`}`,
    );
  }
  return exit;
};
