/**
 * `npm run bench [-- --smoke] [-- --out <dir>]`: the polling, scale and download benchmark of issue 6.
 * Prints the table, writes bench/results.json and docs/benchmarks.md (or both into --out).
 */
import type { BenchResults } from './BenchResults';
import { runDownload } from './download';
import { machineInfo } from './machine';
import { parseBenchOptions } from './options';
import { consoleTable } from './report';
import { runRepeated, type PollingRecord } from './runPolling';
import { runScale } from './scale';
import { adaptiveBatched, adaptiveBatchedPrecise, adaptiveUnbatched } from './strategies/ourPoller';
import { fixedInterval } from './strategies/fixedInterval';
import { smithyWaiter } from './strategies/smithyWaiter';
import { azureLro } from './strategies/azureLro';
import { downloadTarget, manyJobsTarget, scaleTarget, singleJobTarget } from './targets';
import { outputPaths, writeResults } from './writeResults';

const STRATEGIES = [adaptiveBatched, adaptiveUnbatched, fixedInterval, smithyWaiter, azureLro] as const;
/** Run too, but compared with nothing in the targets: what a policy knob would change. */
const KNOBS = [adaptiveBatchedPrecise] as const;

const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** Same N, different strategies: unless they saw the same jobs, no comparison is valid. */
const checkSameWorkload = (records: readonly PollingRecord[]): void => {
  const prints = new Set(records.map((r) => r.workloadFingerprint));
  if (prints.size !== 1)
    throw new Error(`strategies saw different workloads at N=${records[0]?.n}: ${[...prints].join(', ')}`);
};

const main = async (): Promise<void> => {
  const options = parseBenchOptions(process.argv.slice(2));
  const started = performance.now();
  const polling: PollingRecord[] = [];
  for (const [n, repetitions] of options.sizes) {
    const atN: PollingRecord[] = [];
    for (const strategy of [...STRATEGIES, ...KNOBS]) {
      const record = await runRepeated(strategy, n, repetitions);
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

  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      command: `npm run bench${options.smoke ? ' -- --smoke' : ''}`,
      smoke: options.smoke,
      wallMs: performance.now() - started,
      machine: machineInfo(),
    },
    polling,
    scale,
    download,
    targets: [
      singleJobTarget(polling),
      manyJobsTarget(polling),
      scaleTarget(scale, polling),
      downloadTarget(download),
    ],
  };
  console.log(consoleTable(results));
  const paths = outputPaths(options.out);
  await writeResults(results, paths);
  log(`wrote ${paths.results} and ${paths.markdown}`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
