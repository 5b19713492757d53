/**
 * The simulator for the download bench, in its own process, so that the 50 MB the server holds and writes
 * do not count in the client's memory. Prints one JSON line `{ url, apiUrl, job }` on stdout once the job
 * is finished (manual clock set to its finishedAt), then serves until SIGTERM or until stdin closes.
 *
 * Usage: node -r ts-node/register/transpile-only bench/downloadServer.ts <resultBytes>
 */
import crossFetch from 'cross-fetch';
import type { FetchLike } from '../src/config/FetchLike';
import {
  defaultProducts,
  manualClock,
  sampleAddress,
  startSimulator,
  type ProductSpec,
} from '../src/simulator';
import { rawApi } from './rawApi';
import { BENCH_KEY, BENCH_SECRET } from './runPolling';

/** The big product's slug. */
export const BIG_PRODUCT = 'bench-big-report';

const main = async (): Promise<void> => {
  const resultBytes = Number(process.argv[2]);
  if (!Number.isSafeInteger(resultBytes) || resultBytes <= 0)
    throw new Error('usage: downloadServer <resultBytes>');
  const big: ProductSpec = {
    slug: BIG_PRODUCT,
    name: 'Bench big report',
    steps: 2,
    stepMs: [500, 1_500],
    resultBytes,
  };
  const clock = manualClock();
  const sim = await startSimulator({ clock, products: [...defaultProducts, big] });
  const api = rawApi(sim.apiUrl, BENCH_KEY, BENCH_SECRET, crossFetch as unknown as FetchLike);
  const [intention] = sim.catalogue.intentionsAt(sampleAddress.uuid, [BIG_PRODUCT]);
  if (intention === undefined) throw new Error('no intention for the big product');
  const [job] = await api.order([intention.uuid]);
  if (job === undefined) throw new Error('the order made no job');
  clock.set(sim.jobs.get(job)!.finishedAt);
  const stop = (): void => void sim.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.stdin.once('end', stop).resume();
  process.stdout.write(`${JSON.stringify({ url: sim.url, apiUrl: sim.apiUrl, job })}\n`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
