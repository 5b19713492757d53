/**
 * Issue 10, item 9: does unsubscribing in the middle of a download leave memory behind?
 *
 * A server in a child process (so its buffers do not count here) answers status `finished` and serves a
 * 256 KB result: headers with the full Content-Length, the first 128 KB, then nothing until the client
 * goes away. Each cycle follows the job with `job$`, waits until half the body has arrived, unsubscribes
 * and waits for the server to see the connection close. After 20 warm-up cycles and a full gc, 200 cycles
 * run; heap (used + external, after gc) per cycle is printed, for each fetch.
 *
 * Usage: node --expose-gc -r ts-node/register/transpile-only bench/cancelledDownloadHeap.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crossFetch from 'cross-fetch';
import { createPlanviewer } from '../src/client/createPlanviewer';
import type { FetchLike } from '../src/config/FetchLike';

const JOB = '7e6d5c4b-3a29-4f18-9e07-222222222222';
const CYCLES = Number(process.env['CYCLES'] ?? 200);

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
  return m.heapUsed + m.external + m.arrayBuffers;
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
    const sub = pv.job$(JOB).subscribe((e) => {
      if (e._tag === 'Right' && e.right._tag === 'Downloading') downloading();
    });
    await started;
    // Half the body is in by then: the reader holds 128 KB.
    await new Promise((r) => setTimeout(r, 15));
    sub.unsubscribe();
    while (closed === before) await new Promise((r) => setTimeout(r, 2));
  };
  for (let i = 0; i < 20; i++) await cycle();
  const start = await gcNow();
  for (let i = 0; i < CYCLES; i++) await cycle();
  const end = await gcNow();
  console.log(
    `${name}: ${CYCLES} cancelled downloads, heap+external ${((end - start) / 1024).toFixed(0)} KB in all, ${((end - start) / CYCLES / 1024).toFixed(2)} KB per cycle`,
  );
};

const main = async (): Promise<void> => {
  for (const [name, fetch] of [
    ['cross-fetch', crossFetch as unknown as FetchLike],
    ['globalThis.fetch', globalThis.fetch as unknown as FetchLike],
  ] as const) {
    const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
