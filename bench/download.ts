import crossFetch from 'cross-fetch';
import * as E from 'fp-ts/lib/Either.js';
import { createPlanviewer, describeError } from '../src';
import type { FetchLike } from '../src/config/FetchLike';
import {
  defaultProducts,
  manualClock,
  sampleAddress,
  startSimulator,
  type ProductSpec,
} from '../src/simulator';
import { collectGarbage, median } from './measures';
import { rawApi } from './rawApi';
import { BENCH_KEY, BENCH_SECRET } from './runPolling';

/** One way of downloading, over its repetitions. */
export interface DownloadSide {
  /** Median throughput, MB/s (10^6 bytes). */
  readonly medianMBps: number;
  readonly throughputsMBps: readonly number[];
  /** Highest RSS above the pre-download RSS (after gc), over the repetitions, bytes. */
  readonly peakRssDeltaBytes: number;
  /** Highest heap + external (Buffers, ArrayBuffers, Blob bytes) above the same baseline, bytes. */
  readonly peakHeapDeltaBytes: number;
}

/** The download comparison. */
export interface DownloadRecord {
  readonly kind: 'download';
  readonly fileBytes: number;
  readonly repetitions: number;
  /** `pv.retrieve(job)()`: streamed, with Downloading progress, into a global Blob. */
  readonly ours: DownloadSide;
  /** `fetch(url)` then `arrayBuffer()`, with the same fetch (cross-fetch, the client's default). */
  readonly raw: DownloadSide;
  /** For reference only: Node's own fetch (undici) then `arrayBuffer()`, the same URL. */
  readonly nodeFetch: DownloadSide;
  /** ours.medianMBps / raw.medianMBps. */
  readonly throughputRatio: number;
  /** Larger of ours' peak RSS and heap deltas, over the file size. */
  readonly peakMemoryOverFileSize: number;
}

interface Sample {
  readonly mbps: number;
  readonly rss: number;
  readonly heap: number;
}

const memoryNow = (): { rss: number; heap: number } => {
  const m = process.memoryUsage();
  // `external` already includes `arrayBuffers` (every Buffer and ArrayBuffer); adding both would count twice.
  return { rss: m.rss, heap: m.heapUsed + m.external };
};

/**
 * Times one download and samples memory every 2 ms (real timers: no virtual time here) while it runs.
 * `external` counts Buffers and Blob bytes, which live outside the JS heap.
 */
const measure = async (download: () => Promise<number>): Promise<Sample> => {
  collectGarbage();
  const base = memoryNow();
  let rss = 0;
  let heap = 0;
  const sample = (): void => {
    const now = memoryNow();
    rss = Math.max(rss, now.rss - base.rss);
    heap = Math.max(heap, now.heap - base.heap);
  };
  const sampler = setInterval(sample, 2);
  const start = performance.now();
  const bytes = await download();
  const seconds = (performance.now() - start) / 1_000;
  sample();
  clearInterval(sampler);
  return { mbps: bytes / 1e6 / seconds, rss, heap };
};

const side = (samples: readonly Sample[]): DownloadSide => ({
  medianMBps: median(samples.map((s) => s.mbps)),
  throughputsMBps: samples.map((s) => s.mbps),
  peakRssDeltaBytes: Math.max(...samples.map((s) => s.rss)),
  peakHeapDeltaBytes: Math.max(...samples.map((s) => s.heap)),
});

/**
 * Downloads one big result (a simulator product with `resultBytes`) with planviewer-rx and with a raw fetch
 * of the same URL, alternating (ours, raw, ours, raw, …) so that drift in a noisy machine hits all of them, and
 * compares medians (Node's own fetch runs too, for reference). A first raw download warms the simulator's render cache and the connection.
 *
 * @example
 * const record = await runDownload(50_000_000, 3);
 * record.throughputRatio >= 0.9;
 */
export const runDownload = async (fileBytes: number, repetitions: number): Promise<DownloadRecord> => {
  const big: ProductSpec = {
    slug: 'bench-big-report',
    name: 'Bench big report',
    steps: 2,
    stepMs: [500, 1_500],
    resultBytes: fileBytes,
  };
  const clock = manualClock();
  const sim = await startSimulator({ clock, products: [...defaultProducts, big] });
  try {
    const fetch = crossFetch as unknown as FetchLike;
    const api = rawApi(sim.apiUrl, BENCH_KEY, BENCH_SECRET, fetch);
    const [intention] = sim.catalogue.intentionsAt(sampleAddress.uuid, [big.slug]);
    if (intention === undefined) throw new Error('no intention for the big product');
    const [job] = await api.order([intention.uuid]);
    if (job === undefined) throw new Error('the order made no job');
    clock.set(sim.jobs.get(job)!.finishedAt);

    const pv = createPlanviewer({ credentials: { key: BENCH_KEY, secret: BENCH_SECRET }, baseUrl: sim.url });
    const url = `${sim.apiUrl}/jobs/retrieve/${job}`;
    const authorization = `Basic ${Buffer.from(`${BENCH_KEY}:${BENCH_SECRET}`).toString('base64')}`;
    const ours = async (): Promise<number> => {
      const file = await pv.retrieve(job)();
      if (E.isLeft(file)) throw new Error(`retrieve failed: ${describeError(file.left)}`);
      return file.right.size;
    };
    const raw = async (): Promise<number> => {
      const response = await crossFetch(url, { headers: { authorization } });
      if (response.status !== 200) throw new Error(`raw download: ${response.status}`);
      return (await response.arrayBuffer()).byteLength;
    };

    const node = async (): Promise<number> => {
      const response = await globalThis.fetch(url, { headers: { authorization } });
      if (response.status !== 200) throw new Error(`Node fetch download: ${response.status}`);
      return (await response.arrayBuffer()).byteLength;
    };

    await raw();
    const oursSamples: Sample[] = [];
    const rawSamples: Sample[] = [];
    const nodeSamples: Sample[] = [];
    for (let i = 0; i < repetitions; i++) {
      oursSamples.push(await measure(ours));
      rawSamples.push(await measure(raw));
      nodeSamples.push(await measure(node));
    }
    const oursSide = side(oursSamples);
    const rawSide = side(rawSamples);
    return {
      kind: 'download',
      fileBytes,
      repetitions,
      ours: oursSide,
      raw: rawSide,
      nodeFetch: side(nodeSamples),
      throughputRatio: oursSide.medianMBps / rawSide.medianMBps,
      peakMemoryOverFileSize: Math.max(oursSide.peakRssDeltaBytes, oursSide.peakHeapDeltaBytes) / fileBytes,
    };
  } finally {
    await sim.close();
  }
};
