import type { DownloadRecord } from './download';
import type { PollingRecord } from './runPolling';
import type { ScaleRecord } from './scale';

/** One target of issue 6, judged. */
export interface TargetResult {
  readonly target: string;
  readonly pass: boolean;
  /** The numbers behind the verdict, and why when it fails. */
  readonly detail: string;
}

/** The anchors, (c) fixed 1 s, (d) smithy, (e) core-lro. */
export const ANCHORS = ['c', 'd', 'e'] as const;

const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const s = (ms: number): string => `${fmt(ms / 1_000, 2)} s`;

const find = (records: readonly PollingRecord[], strategy: string, n: number): PollingRecord | undefined =>
  records.find((r) => r.strategy === strategy && r.n === n);

const missing = (target: string, what: string): TargetResult => ({
  target,
  pass: false,
  detail: `not measured in this run (${what})`,
});

/**
 * N = 1: fewer status requests per job than smithy's waiter (d), and a p95 detection delay below
 * core-lro's (e); the stretch: p95 ≤ 1.0 s as well.
 *
 * @example
 * singleJobTarget(records).pass;
 */
export const singleJobTarget = (records: readonly PollingRecord[]): TargetResult => {
  const target = 'N=1: fewer requests/job than (d), p95 below (e) (stretch: p95 ≤ 1.0 s)';
  const [a, d, e] = [find(records, 'a', 1), find(records, 'd', 1), find(records, 'e', 1)];
  if (a === undefined || d === undefined || e === undefined) return missing(target, 'N=1');
  const fewer = a.requestsPerJob < d.requestsPerJob;
  const sooner = a.detectionMs.p95 < e.detectionMs.p95;
  const stretch = a.detectionMs.p95 <= 1_000;
  return {
    target,
    pass: fewer && sooner,
    detail:
      `requests/job ${fmt(a.requestsPerJob, 2)} vs (d) ${fmt(d.requestsPerJob, 2)} ${fewer ? '✓' : '✗'}; ` +
      `p95 ${s(a.detectionMs.p95)} vs (e) ${s(e.detectionMs.p95)} ${sooner ? '✓' : '✗'}; ` +
      `stretch p95 ≤ 1.00 s ${stretch ? '✓' : '✗ (not met: a job followed alone pays a whole request per poll, so it keeps precisionMs 1.7 s)'}`,
  };
};

/**
 * At N = 10, 100 and 1,000: fewer status requests than each anchor (c), (d), (e), and a p95 detection
 * delay of at most 0.5 s.
 *
 * @example
 * sharedTarget(records).pass;
 */
export const sharedTarget = (records: readonly PollingRecord[], sizes = [10, 100, 1_000]): TargetResult => {
  const target = 'N=10, 100, 1000: fewer requests than each of (c), (d), (e), and p95 ≤ 0.5 s';
  const parts: string[] = [];
  let pass = true;
  for (const n of sizes) {
    const a = find(records, 'a', n);
    const anchors = ANCHORS.map((id) => find(records, id, n));
    if (a === undefined || anchors.some((x) => x === undefined)) return missing(target, `N=${n}`);
    const fewer = anchors.every((x) => a.statusRequests < x!.statusRequests);
    const precise = a.detectionMs.p95 <= 500;
    pass &&= fewer && precise;
    parts.push(
      `N=${n}: ${fmt(a.requestsPerJob, 2)} req/job vs ` +
        anchors.map((x) => `(${x!.strategy}) ${fmt(x!.requestsPerJob, 2)}`).join(', ') +
        ` ${fewer ? '✓' : '✗'}, p95 ${s(a.detectionMs.p95)} ${precise ? '✓' : '✗'}`,
    );
  }
  return { target, pass, detail: parts.join('; ') };
};

/**
 * N = 1,000: p95 ≤ 0.25 s with at least 20× fewer requests than smithy's waiter (d).
 *
 * @example
 * manyJobsTarget(records).pass;
 */
export const manyJobsTarget = (records: readonly PollingRecord[], n = 1_000): TargetResult => {
  const target = `N=${n}: p95 ≤ 0.25 s with ≥ 20× fewer requests than (d)`;
  const [a, d] = [find(records, 'a', n), find(records, 'd', n)];
  if (a === undefined || d === undefined) return missing(target, `N=${n}`);
  const ratio = d.statusRequests / a.statusRequests;
  const fewer = ratio >= 20;
  const precise = a.detectionMs.p95 <= 250;
  return {
    target,
    pass: fewer && precise,
    detail:
      `${a.statusRequests} requests vs (d) ${d.statusRequests}: ${fmt(ratio)}× fewer ${fewer ? '✓' : '✗'}; ` +
      `p95 ${s(a.detectionMs.p95)} ${precise ? '✓' : '✗'}`,
  };
};

/**
 * The worst detection delay under 2 s (what a 2 s poller guarantees) at every N.
 *
 * @example
 * maxDelayTarget(records).pass;
 */
export const maxDelayTarget = (records: readonly PollingRecord[]): TargetResult => {
  const target = 'max detection delay < 2 s at every N';
  const ours = records.filter((r) => r.strategy === 'a');
  if (ours.length === 0) return missing(target, '(a)');
  const worst = ours.map((r) => `N=${r.n} ${s(r.detectionMs.max)} ${r.detectionMs.max < 2_000 ? '✓' : '✗'}`);
  return { target, pass: ours.every((r) => r.detectionMs.max < 2_000), detail: worst.join('; ') };
};

/**
 * 10,000 jobs: under 10 KB of heap per job, event-loop delay p99 under 50 ms, timers alive independent of N.
 *
 * @example
 * scaleTarget(scale, records).pass;
 */
export const scaleTarget = (
  scale: ScaleRecord | undefined,
  records: readonly PollingRecord[],
): TargetResult => {
  const target = 'Scale: <10 KB heap/job, event-loop delay p99 <50 ms, timers alive independent of N';
  if (scale === undefined) return missing(target, 'scale');
  const small = [...records].filter((r) => r.strategy === 'a' && r.n < scale.n).sort((x, y) => y.n - x.n)[0];
  const heapOk = scale.heapPerJobBytes < 10 * 1024;
  const delayOk = scale.eventLoopDelayP99Ms < 50;
  const timersOk = small !== undefined && scale.run.timersAlivePeak <= small.timersAlivePeak;
  return {
    target,
    pass: heapOk && delayOk && timersOk,
    detail:
      `${fmt(scale.heapPerJobBytes / 1024, 2)} KB/job ${heapOk ? '✓' : '✗'}; ` +
      `p99 ${fmt(scale.eventLoopDelayP99Ms)} ms ${delayOk ? '✓' : '✗'}; ` +
      `timers ${scale.run.timersAlivePeak} at N=${scale.n} vs ${small?.timersAlivePeak ?? '?'} at N=${small?.n ?? '?'} ${timersOk ? '✓' : '✗'}`,
  };
};

/**
 * Download: at least 0.9× the raw fetch throughput, peak memory under 2.5× the file size.
 *
 * @example
 * downloadTarget(download).pass;
 */
export const downloadTarget = (download: DownloadRecord | undefined): TargetResult => {
  const target = 'Download: ≥0.9× raw fetch throughput, peak memory <2.5× file size';
  if (download === undefined) return missing(target, 'download');
  const fast = download.throughputRatio >= 0.9;
  const lean = download.peakMemoryOverFileSize < 2.5;
  return {
    target,
    pass: fast && lean,
    detail:
      `median ${fmt(download.ours.medianMBps, 0)} vs ${fmt(download.raw.medianMBps, 0)} MB/s, paired ratio ${fmt(download.throughputRatio, 2)}× ${fast ? '✓' : '✗'}; ` +
      `peak ${fmt(download.peakMemoryOverFileSize, 2)}× file size ${lean ? '✓' : '✗'}`,
  };
};
