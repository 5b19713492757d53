/**
 * `npm run bench [-- --smoke] [-- --out <dir>] [-- --seed <n>] [-- --workload catalogue|independent|paced]`:
 * the polling, scale and download benchmark. Prints the table, writes bench/results.json,
 * docs/benchmarks.md and the chart docs/benchmarks-polling.svg (or all three into --out).
 */
import * as path from 'node:path';
import type { BenchResults } from './BenchResults';
import { writeChart } from './chart';
import { runDownload } from './download';
import { machineInfo } from './machine';
import { oracleCurve, type CurvePoint } from './oracle';
import { parseBenchOptions } from './options';
import { consoleTable } from './report';
import { runRobustness } from './robustness';
import { runRepeated, type PollingRecord } from './runPolling';
import { runScale } from './scale';
import { adaptiveBatched, adaptiveUnbatched, SWEEP } from './strategies/ourPoller';
import { fixedInterval } from './strategies/fixedInterval';
import { smithyWaiter } from './strategies/smithyWaiter';
import { azureLro } from './strategies/azureLro';
import {
  downloadTarget,
  manyJobsTarget,
  maxDelayTarget,
  scaleTarget,
  sharedTarget,
  singleJobTarget,
} from './targets';
import { WORKLOADS } from './workload';
import { outputPaths, writeResults } from './writeResults';

const STRATEGIES = [adaptiveBatched, adaptiveUnbatched, fixedInterval, smithyWaiter, azureLro] as const;

/** The statusBatchSize of (a), for the oracle's batches. */
const BATCH_SIZE = 150;

const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** Same N, different strategies: unless they saw the same jobs, no comparison is valid. */
const checkSameWorkload = (records: readonly PollingRecord[]): void => {
  const prints = new Set(records.map((r) => r.workloadFingerprint));
  if (prints.size !== 1)
    throw new Error(`strategies saw different workloads at N=${records[0]?.n}: ${[...prints].join(', ')}`);
};

const main = async (): Promise<void> => {
  const options = parseBenchOptions(process.argv.slice(2));
  const workload = WORKLOADS[options.workload];
  const started = performance.now();
  const polling: PollingRecord[] = [];
  const oracle: { n: number; curve: CurvePoint[] }[] = [];
  for (const [n, repetitions] of options.sizes) {
    const atN: PollingRecord[] = [];
    for (const strategy of [...STRATEGIES, ...SWEEP]) {
      const { finishesMs, ...record } = await runRepeated(strategy, n, repetitions, {
        seed: options.seed,
        workload,
      });
      if (strategy === adaptiveBatched) oracle.push({ n, curve: oracleCurve(finishesMs, BATCH_SIZE) });
      log(
        `(${record.strategy}) N=${n} ×${repetitions}: ${record.requestsPerJob.toFixed(2)} req/job, ` +
          `delay mean ${(record.detectionMs.mean / 1_000).toFixed(2)} s p95 ${(record.detectionMs.p95 / 1_000).toFixed(2)} s, ` +
          `${(record.wallMs / 1_000).toFixed(1)} s wall`,
      );
      atN.push(record);
    }
    checkSameWorkload(atN);
    polling.push(...atN);
  }
  log(`scale: ${options.scaleJobs} jobs…`);
  const scale = await runScale(options.scaleJobs);
  log(`download: ${options.downloadBytes} bytes ×${options.downloadRepetitions}…`);
  const download = await runDownload(options.downloadBytes, options.downloadRepetitions);
  const strategies = { a: adaptiveBatched, c: fixedInterval, d: smithyWaiter, e: azureLro };
  const robustness = await runRobustness(options.robustnessSeeds, strategies, log);

  const flags = [
    options.smoke ? '--smoke' : '',
    options.seed === undefined ? '' : `--seed ${options.seed}`,
    `--workload ${options.workload}`,
  ].filter((f) => f !== '');
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      command: `npm run bench -- ${flags.join(' ')}`,
      smoke: options.smoke,
      wallMs: performance.now() - started,
      machine: machineInfo(),
    },
    polling,
    oracle,
    robustness,
    scale,
    download,
    targets: [
      sharedTarget(polling),
      manyJobsTarget(polling),
      singleJobTarget(polling),
      maxDelayTarget(polling),
      scaleTarget(scale, polling),
      downloadTarget(download),
    ],
  };
  console.log(consoleTable(results));
  const paths = outputPaths(options.out);
  await writeResults(results, paths);
  await writeChart(results, paths.chart);
  log(`wrote ${paths.results}, ${paths.markdown} and ${path.basename(paths.chart)}`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
