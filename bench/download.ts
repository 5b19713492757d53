import * as childProcess from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import crossFetch from 'cross-fetch';
import * as E from 'fp-ts/lib/Either.js';
import { createPlanviewer, describeError } from '../src';
import { collectGarbage, median } from './measures';
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
  /**
   * Median over repetitions of ours / raw within the same repetition (they run back to back): pairing
   * cancels most of the drift of a noisy machine, which the ratio of the two medians would not.
   */
  readonly throughputRatio: number;
  /** ours.medianMBps / raw.medianMBps, for reference. */
  readonly ratioOfMedians: number;
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

/** Starts bench/downloadServer.ts in a child process and reads its one JSON line. */
const startServer = async (
  fileBytes: number,
): Promise<{ url: string; apiUrl: string; job: string; stop: () => Promise<void> }> => {
  const child = childProcess.spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'downloadServer.ts'), String(fileBytes)],
    { cwd: path.join(__dirname, '..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`download server exited with ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; apiUrl: string; job: string };
  return {
    ...info,
    stop: async () => {
      // Closing its stdin is its signal to stop; it is our own child, ended by its handle.
      child.stdin!.end();
      await exited;
    },
  };
};

/**
 * Downloads one big result (a simulator product with `resultBytes`, served by a simulator in a child
 * process) with planviewer-rx and with a raw fetch of the same URL, alternating (ours, raw, Node's fetch,
 * in an order rotated each repetition) so that drift on a noisy machine hits all of them, and compares
 * medians. A first raw download warms the simulator's render cache and the connection.
 *
 * @example
 * const record = await runDownload(50_000_000, 5);
 * record.throughputRatio >= 0.9;
 */
export const runDownload = async (fileBytes: number, repetitions: number): Promise<DownloadRecord> => {
  const server = await startServer(fileBytes);
  try {
    const { job } = server;
    const pv = createPlanviewer({
      credentials: { key: BENCH_KEY, secret: BENCH_SECRET },
      baseUrl: server.url,
    });
    const url = `${server.apiUrl}/jobs/retrieve/${job}`;
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
    const contenders: readonly [() => Promise<number>, Sample[]][] = [
      [ours, oursSamples],
      [raw, rawSamples],
      [node, nodeSamples],
    ];
    for (let i = 0; i < repetitions; i++)
      // Rotate who goes first, so that no contender always follows the same one.
      for (let k = 0; k < contenders.length; k++) {
        const [download, samples] = contenders[(i + k) % contenders.length]!;
        samples.push(await measure(download));
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
      throughputRatio: median(oursSamples.map((o, i) => o.mbps / rawSamples[i]!.mbps)),
      ratioOfMedians: oursSide.medianMBps / rawSide.medianMBps,
      peakMemoryOverFileSize: Math.max(oursSide.peakRssDeltaBytes, oursSide.peakHeapDeltaBytes) / fileBytes,
    };
  } finally {
    await server.stop();
  }
};
