import { describeError } from '../errors/describeError';
import type { PlanviewerError, Timeout } from '../errors/PlanviewerError';

/**
 * Whether an error is a job's `--deadline` passing: the job was not cancelled and goes on on the server,
 * so it is "still running", never "failed".
 *
 * @example
 * isStillRunning({ _tag: 'Timeout', afterMs: 5000, lastStatus: 'in_progress', job }); // true
 */
export const isStillRunning = (
  e: PlanviewerError,
): e is Timeout & { readonly job: string; readonly lastStatus: string } =>
  e._tag === 'Timeout' && e.lastStatus !== undefined && typeof e.job === 'string';

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/**
 * `describeError` in the words of the command line: what to run next is a `planviewer` command, not a
 * library call (a job still running at its deadline is picked up with `planviewer resume`).
 *
 * @example
 * describeForCli(timeout(5000, undefined, 'in_progress')); // '… run `planviewer resume` …'
 */
export const describeForCli = (e: PlanviewerError): string =>
  isStillRunning(e)
    ? `Still running on the server when the --deadline of ${seconds(e.afterMs)} passed (${e.lastStatus === 'unknown' ? 'no status seen yet' : `last status "${e.lastStatus}"`}) [job ${e.job}]. ` +
      'It was not cancelled and nothing failed: run `planviewer resume` later to follow it and save the result.'
    : describeError(e);
