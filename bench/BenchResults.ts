import type { DownloadRecord } from './download';
import type { CurvePoint } from './oracle';
import type { RobustnessRow } from './robustness';
import type { MachineInfo } from './machine';
import type { PollingRecord } from './runPolling';
import type { ScaleRecord } from './scale';
import type { TargetResult } from './targets';

/**
 * Everything one bench run produced: what bench/results.json holds and docs/benchmarks.md shows.
 *
 * @example
 * const results: BenchResults = JSON.parse(readFileSync('bench/results.json', 'utf8'));
 * results.polling.find((r) => r.strategy === 'a' && r.n === 1000)?.requestsPerJob;
 */
export interface BenchResults {
  readonly meta: {
    readonly date: string;
    readonly command: string;
    readonly smoke: boolean;
    /** Wall time of the whole bench, ms. */
    readonly wallMs: number;
    readonly machine: MachineInfo;
  };
  readonly polling: readonly PollingRecord[];
  /** Per N, the oracle's lower bound over the same jobs (see bench/oracle.ts). */
  readonly oracle?: readonly { readonly n: number; readonly curve: readonly CurvePoint[] }[];
  /** The targets on other seeds and step models, fewer repetitions (see bench/robustness.ts). */
  readonly robustness?: readonly RobustnessRow[];
  readonly scale?: ScaleRecord;
  readonly download?: DownloadRecord;
  readonly targets: readonly TargetResult[];
}
