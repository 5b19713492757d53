/**
 * Issue 10, item 9: does unsubscribing in the middle of a download leave memory behind?
 *
 * A server in a child process (so its buffers do not count here) answers status `finished` and serves a
 * 256 KB result: headers with the full Content-Length, the first 128 KB, then nothing until the client
 * goes away. Each cycle follows the job with `job$`, waits until half the body has arrived, unsubscribes
 * and waits for the server to see the connection close. After 20 warm-up cycles and a full gc, 200 cycles
 * run; heap (used + external, after gc) is sampled every 50 cycles, and the growth per cycle printed is
 * the least-squares slope over those samples (the difference of two samples alone swings by ±600 KB
 * with gc timing and optimised code), for each fetch.
 *
 * CANCEL=first unsubscribes from inside the first `Downloading` event instead (before the reader has
 * started on the body). COLD=1 skips the warm-up and takes the baseline before cross-fetch is loaded:
 * the one-time cost of loading it (node-fetch 2, whatwg-url and tr46's mapping table, ~3 MB) and of
 * warming up then shows as "growth per cycle", shrinking as 1/CYCLES, which is what the issue's
 * 19 KB/cycle over 200 cycles was.
 *
 * Usage: node --expose-gc -r ts-node/register/transpile-only bench/cancelledDownloadHeap.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createPlanviewer } from '../src/client/createPlanviewer';
import type { FetchLike } from '../src/config/FetchLike';

const JOB = '7e6d5c4b-3a29-4f18-9e07-222222222222';
const CYCLES = Number(process.env['CYCLES'] ?? 200);
const CANCEL_ON_FIRST_EVENT = process.env['CANCEL'] === 'first';
const COLD = process.env['COLD'] === '1';
const SAMPLE_EVERY = 50;

/** Least-squares slope of y over x. */
const slope = (points: ReadonlyArray<readonly [number, number]>): number => {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
};

const SERVER = `
const http = require('http');
const half = Buffer.alloc(128 * 1024, 7);
let closed = 0;
const server = http.createServer((req, res) => {
  if (req.url.includes('/jobs/status')) {
    const body = JSON.stringify([{ uuid: '${JOB}', status: 'finished', progress: { current: 1, total: 1 } }]);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    return res.end(body);
  }
  res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 256 * 1024 });
  res.write(half);
  res.on('close', () => process.send({ closed: ++closed }));
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
`;

const gcNow = async (): Promise<number> => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  const m = process.memoryUsage();
  // arrayBuffers is part of external already.
  return m.heapUsed + m.external;
};

const measure = async (name: string, fetch: FetchLike, child: ChildProcess, port: number): Promise<void> => {
  let closed = 0;
  child.on('message', (m: { closed?: number }) => {
    if (m.closed !== undefined) closed = m.closed;
  });
  const client = () =>
    createPlanviewer({
      credentials: { key: 'bench', secret: 'bench-secret' },
      baseUrl: `http://127.0.0.1:${port}`,
      fetch,
      polling: { initialDelayMs: 0, minDelayMs: 0, jitterRatio: 0 },
    });
  const shared = client();
  const cycle = async (): Promise<void> => {
    // NEW_CLIENT=1: a client per cycle, as a server that builds one per request would.
    const pv = process.env['NEW_CLIENT'] === '1' ? client() : shared;
    const before = closed;
    let downloading: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (downloading = resolve));
    let sub: { unsubscribe(): void } | undefined = undefined;
    sub = pv.job$(JOB).subscribe((e) => {
      if (e._tag === 'Right' && e.right._tag === 'Downloading') {
        if (CANCEL_ON_FIRST_EVENT) sub?.unsubscribe();
        downloading();
      }
    });
    const stuck = setTimeout(() => {
      console.error(
        'no download started within 5 s: the client sends nothing any more (its request slots are taken)',
      );
      process.exit(1);
    }, 5_000);
    await started;
    clearTimeout(stuck);
    // Half the body is in by then: the reader holds 128 KB.
    if (!CANCEL_ON_FIRST_EVENT) await new Promise((r) => setTimeout(r, 15));
    sub.unsubscribe();
    while (closed === before) await new Promise((r) => setTimeout(r, 2));
  };
  const baseline = COLD ? await gcNow() : 0;
  if (!COLD) for (let i = 0; i < 20; i++) await cycle();
  const start = COLD ? baseline : await gcNow();
  const samples: Array<readonly [number, number]> = [[0, start]];
  for (let i = 1; i <= CYCLES; i++) {
    await cycle();
    if (i % SAMPLE_EVERY === 0 || i === CYCLES) samples.push([i, await gcNow()]);
  }
  const end = samples[samples.length - 1]![1];
  console.log(
    `${name}${COLD ? ' (cold)' : ''}: ${CYCLES} cancelled downloads${CANCEL_ON_FIRST_EVENT ? ' (on the first Downloading event)' : ''}, heap+external ${((end - start) / 1024).toFixed(0)} KB in all, ${((end - start) / CYCLES / 1024).toFixed(2)} KB per cycle end to end, slope ${(slope(samples) / 1024).toFixed(2)} KB per cycle`,
  );
};

const main = async (): Promise<void> => {
  // Loaded on first use (as the library's fallback does), so that COLD=1 counts loading it.
  const crossFetch: FetchLike = async (input, init) => {
    const loaded = (await import('cross-fetch')) as unknown as { default: FetchLike };
    return loaded.default(input, init);
  };
  for (const [name, fetch] of [
    ['cross-fetch', crossFetch],
    ['globalThis.fetch', globalThis.fetch as unknown as FetchLike],
  ] as const) {
    const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    // Also when a stuck client makes this script exit early: the server must not outlive it.
    process.once('exit', () => child.kill());
    const port = await new Promise<number>((resolve) =>
      child.on('message', (m: { port?: number }) => m.port !== undefined && resolve(m.port)),
    );
    try {
      await measure(name, fetch, child, port);
    } finally {
      child.kill();
    }
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
