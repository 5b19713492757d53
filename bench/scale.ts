import { monitorEventLoopDelay } from 'node:perf_hooks';
import { collectGarbage, heapUsed } from './measures';
import { runPolling, type PollingRecord } from './runPolling';
import { adaptiveBatched } from './strategies/ourPoller';

/** Our poller following many jobs at once. */
export interface ScaleRecord {
  readonly kind: 'scale';
  readonly n: number;
  /** Heap (after gc) with every job followed, minus the heap (after gc) once all were done, per job. */
  readonly heapPerJobBytes: number;
  /** The same, but against the heap before the simulator held the jobs: client + simulator per job. */
  readonly heapPerJobWithSimulatorBytes: number;
  /** The worse of the two phases' event-loop delay p99, ms (perf_hooks.monitorEventLoopDelay, 10 ms resolution). */
  readonly eventLoopDelayP99Ms: number;
  /** Event-loop delay while the orders are placed and every job starts being followed. */
  readonly orderingDelayMs: { readonly p99: number; readonly max: number };
  /** Event-loop delay while the jobs are polled to their end. */
  readonly pollingDelayMs: { readonly p99: number; readonly max: number };
  /** Status requests per simulated second, over the run. */
  readonly statusRequestsPerSimulatedSecond: number;
  /** Status requests per wall-clock second, over the run (how hard the process works). */
  readonly statusRequestsPerWallSecond: number;
  /** The polling record of the same run (requests, detection delay, timers alive, wall time). */
  readonly run: PollingRecord;
}

/**
 * Follows `n` jobs with planviewer-rx (strategy (a)) and measures what it costs the process.
 *
 * The per-job heap is measured inside one run, so that the simulator's own job records cancel out: at the
 * first idle point (every order placed, every job followed, nothing polled yet) and again after the last job
 * ended (the client follows nothing, the simulator still holds every job), each after a full gc.
 *
 * @example
 * const record = await runScale(10_000);
 * record.heapPerJobBytes < 10 * 1024;
 */
export const runScale = async (n: number): Promise<ScaleRecord> => {
  collectGarbage();
  const heapBefore = heapUsed();
  let heapFollowing = NaN;
  let heapAfter = NaN;
  // Two monitors, because the bench's own full gc between the phases must not count, and a disabled monitor
  // that is enabled again records the pause in between.
  const ordering = monitorEventLoopDelay({ resolution: 10 });
  const polling = monitorEventLoopDelay({ resolution: 10 });
  ordering.enable();
  const { record: run } = await runPolling(adaptiveBatched, n, {
    // A growing request log between the two heap readings would be counted against the client.
    maxLogEntries: 100,
    onIdle: (_now, steps) => {
      if (steps !== 0) return;
      ordering.disable();
      collectGarbage();
      heapFollowing = heapUsed();
      polling.enable();
    },
    onDone: () => {
      polling.disable();
      collectGarbage();
      heapAfter = heapUsed();
    },
  });
  const ms = (ns: number): number => ns / 1e6;
  const phase = (h: typeof ordering): { p99: number; max: number } => ({
    p99: ms(h.percentile(99)),
    max: ms(h.max),
  });
  return {
    kind: 'scale',
    n,
    heapPerJobBytes: (heapFollowing - heapAfter) / n,
    heapPerJobWithSimulatorBytes: (heapFollowing - heapBefore) / n,
    eventLoopDelayP99Ms: Math.max(ms(ordering.percentile(99)), ms(polling.percentile(99))),
    orderingDelayMs: phase(ordering),
    pollingDelayMs: phase(polling),
    statusRequestsPerSimulatedSecond: run.statusRequests / (run.simulatedMs / 1_000),
    statusRequestsPerWallSecond: run.statusRequests / (run.wallMs / 1_000),
    run,
  };
};
