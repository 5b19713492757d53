import { runRepeated, type PollingRecord } from './runPolling';
import type { Strategy } from './strategies/Strategy';
import { WORKLOADS, type WorkloadName } from './workload';

/** The targets at one N, on one seed and step model. */
export interface RobustnessRow {
  readonly seed: number;
  readonly workload: WorkloadName;
  readonly n: number;
  readonly repetitions: number;
  /** Requests per job, p95 and max detection delay (ms), by strategy id. */
  readonly figures: Readonly<
    Record<string, { readonly requestsPerJob: number; readonly p95Ms: number; readonly maxMs: number }>
  >;
  /** Fewer requests than every anchor run here. */
  readonly fewerThanAnchors: boolean;
  /** p95 within the target for this N (0.5 s; 0.25 s at N = 1,000 with ≥ 20× fewer than (d)). */
  readonly p95Ok: boolean;
  readonly maxOk: boolean;
}

/** N → repetitions, and which strategies run there (N = 1,000 runs (a) and (d) only: (c) and (e) take long and are never the frugal anchor). */
export const ROBUSTNESS_PLAN: readonly {
  readonly n: number;
  readonly repetitions: number;
  readonly anchors: readonly string[];
}[] = [
  { n: 10, repetitions: 3, anchors: ['c', 'd', 'e'] },
  { n: 100, repetitions: 1, anchors: ['c', 'd', 'e'] },
  { n: 1_000, repetitions: 1, anchors: ['d'] },
];

const figures = (r: PollingRecord) => ({
  requestsPerJob: r.requestsPerJob,
  p95Ms: r.detectionMs.p95,
  maxMs: r.detectionMs.max,
});

/**
 * Runs (a) and the anchors on each seed × step model, with fewer repetitions than the main run, and
 * judges the targets there.
 *
 * @example
 * const rows = await runRobustness([20260105, 7], strategies, log);
 */
export const runRobustness = async (
  seeds: readonly number[],
  strategies: Readonly<Record<string, Strategy>>,
  log: (line: string) => void,
): Promise<RobustnessRow[]> => {
  const rows: RobustnessRow[] = [];
  for (const seed of seeds)
    for (const workload of Object.values(WORKLOADS))
      for (const { n, repetitions, anchors } of ROBUSTNESS_PLAN) {
        const records: Record<string, PollingRecord> = {};
        for (const id of ['a', ...anchors]) {
          const { finishesMs: _finishes, ...record } = await runRepeated(strategies[id]!, n, repetitions, {
            seed,
            workload,
          });
          records[id] = record;
        }
        const a = records.a!;
        const d = records.d!;
        const fewer = anchors.every((id) => a.statusRequests < records[id]!.statusRequests);
        const p95Ok =
          n >= 1_000
            ? a.detectionMs.p95 <= 250 && d.statusRequests / a.statusRequests >= 20
            : a.detectionMs.p95 <= 500;
        const row: RobustnessRow = {
          seed,
          workload: workload.name,
          n,
          repetitions,
          figures: Object.fromEntries(Object.entries(records).map(([id, r]) => [id, figures(r)])),
          fewerThanAnchors: fewer,
          p95Ok,
          maxOk: a.detectionMs.max < 2_000,
        };
        log(
          `robustness seed ${seed} ${workload.name} N=${n}: (a) ${a.requestsPerJob.toFixed(2)} req/job p95 ` +
            `${(a.detectionMs.p95 / 1_000).toFixed(2)} s; (d) ${d.requestsPerJob.toFixed(2)}`,
        );
        rows.push(row);
      }
  return rows;
};
