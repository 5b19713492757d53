import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { API_PREFIX, apiFor, fetchImplementations, JOB, leftOf, rightOf } from '../helpers/fixtures';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopbackServer';

const RETRIEVE = `${API_PREFIX}/jobs/retrieve/${JOB}`;
const DOCUMENTED_NAME =
  '20180111_test_example_product_utrechtsestraat_61_6811lw_arnhem_nl_imro_0268_fbpparkeren_vg01.pdf';
const FILE = randomBytes(1024 * 1024 + 123);

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Writes `bytes` in chunks of `size`, waiting `pauseMs` between them. */
const writeSlowly = async (
  res: ServerResponse,
  bytes: Buffer,
  size: number,
  pauseMs: number,
): Promise<void> => {
  for (let i = 0; i < bytes.length; i += size) {
    if (res.destroyed) return;
    res.write(bytes.subarray(i, i + size));
    if (pauseMs > 0) await wait(pauseMs);
  }
  res.end();
};

// A body cut short mid-transfer is noticed at once with every fetch, not at the 30 s idle timeout: Node's
// fetch reports the broken socket itself; under node-fetch 2 (cross-fetch) src/http/prematureClose.ts does.
const NOTICED_WITHIN_MS = 1_000;

describe.each(fetchImplementations)('retrieve over loopback HTTP with %s', (_, fetch) => {
  let server: LoopbackServer;
  beforeEach(async () => {
    server = await startLoopbackServer();
  });
  afterEach(() => server.close());

  it('returns a real global Blob with the bytes, file name, content type and size', async () => {
    server.route('GET', RETRIEVE, async (_, res) => {
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': FILE.length,
        'content-transfer-encoding': 'binary',
        'content-disposition': `attachment; filename="${DOCUMENTED_NAME}"`,
      });
      await writeSlowly(res, FILE, 64 * 1024, 0);
    });
    const progress: Array<[number, number | undefined]> = [];
    const file = rightOf(
      await apiFor(server, fetch).retrieve(JOB, {
        onProgress: (loaded, total) => progress.push([loaded, total]),
      })(),
    );
    expect(file.blob).toBeInstanceOf(globalThis.Blob);
    expect(file.blob.type).toBe('application/pdf');
    expect(new Blob([file.blob]).size).toBe(file.size);
    expect(file.size).toBe(FILE.length);
    expect(Buffer.from(await file.blob.arrayBuffer()).equals(FILE)).toBe(true);
    expect(file.filename).toBe(DOCUMENTED_NAME);
    expect(file.contentType).toBe('application/pdf');

    expect(progress[0]).toEqual([0, FILE.length]);
    expect(progress.at(-1)).toEqual([FILE.length, FILE.length]);
    expect(progress.length).toBeGreaterThan(2);
    const loaded = progress.map(([l]) => l);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(new Set(loaded).size).toBe(loaded.length);
    expect(progress.every(([, total]) => total === FILE.length)).toBe(true);
  });

  it('reads a body without Content-Length, reporting no total', async () => {
    server.route('GET', RETRIEVE, async (_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      await writeSlowly(res, Buffer.from('{"eigenaar":"A. Jansen"}'), 5, 0);
    });
    const progress: Array<[number, number | undefined]> = [];
    const file = rightOf(
      await apiFor(server, fetch).retrieve(JOB, { onProgress: (l, t) => progress.push([l, t]) })(),
    );
    expect(await file.blob.text()).toBe('{"eigenaar":"A. Jansen"}');
    expect(file).toMatchObject({ filename: null, contentType: 'application/json', size: 24 });
    expect(progress).toEqual([
      [0, undefined],
      [24, undefined],
    ]);
  });

  it('reads a compressed body whose Content-Length counts the compressed bytes', async () => {
    const text = Buffer.from('%PDF-1.7 '.repeat(5000));
    const gz = gzipSync(text);
    server.route('GET', RETRIEVE, (_, res) => {
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-encoding': 'gzip',
        'content-length': gz.length,
      });
      res.end(gz);
    });
    const file = rightOf(await apiFor(server, fetch).retrieve(JOB)());
    expect(Buffer.from(await file.blob.arrayBuffer()).equals(text)).toBe(true);
    expect(file.size).toBe(text.length);
  });

  it('reduces a hostile file name to a safe base name', async () => {
    server.route('GET', RETRIEVE, (_, res) => {
      res.writeHead(200, {
        'content-disposition': `attachment; filename*=UTF-8''..%2F..%2F.ssh%2Fauthorized_keys`,
      });
      res.end('x');
    });
    expect(rightOf(await apiFor(server, fetch).retrieve(JOB)()).filename).toBe('authorized_keys');
  });

  it('never returns a file when the body is shorter than its Content-Length', async () => {
    server.route('GET', RETRIEVE, async (_, res, req) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': FILE.length });
      res.write(FILE.subarray(0, 300_000));
      await wait(50);
      req.socket.destroy();
    });
    const progress: number[] = [];
    const started = Date.now();
    // The default idle timeout (30 s): the cut must be noticed long before it.
    const e = leftOf(
      await apiFor(server, fetch).retrieve(JOB, {
        onProgress: (loaded) => progress.push(loaded),
      })(),
    );
    expect(Date.now() - started).toBeLessThan(NOTICED_WITHIN_MS);
    expect(e).toMatchObject({
      _tag: 'NetworkError',
      reachedServer: true,
      request: { method: 'GET', url: `${server.origin}${RETRIEVE}` },
    });
    expect(progress.at(-1)).toBeLessThan(FILE.length);
  });

  it('never returns a file when the server closes cleanly before Content-Length', async () => {
    server.route('GET', RETRIEVE, (_, res) => {
      // Announce more than is sent, then end the connection the polite way.
      res.socket?.write(
        `HTTP/1.1 200 OK\r\ncontent-length: 1000\r\nconnection: close\r\n\r\n${'x'.repeat(10)}`,
      );
      res.socket?.end();
    });
    const started = Date.now();
    const e = leftOf(await apiFor(server, fetch).retrieve(JOB)());
    expect(Date.now() - started).toBeLessThan(NOTICED_WITHIN_MS);
    expect(e._tag).toBe('NetworkError');
  });

  it('times out a download that stalls, after the idle timeout', async () => {
    server.route('GET', RETRIEVE, (_, res) => {
      res.writeHead(200, { 'content-length': 1000 });
      res.write('x'.repeat(100));
    });
    const started = Date.now();
    const e = leftOf(await apiFor(server, fetch, { downloadIdleTimeoutMs: 200 }).retrieve(JOB)());
    expect(e).toMatchObject({ _tag: 'Timeout', afterMs: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('lets a slow but steady download run past the request timeout', async () => {
    server.route('GET', RETRIEVE, async (_, res) => {
      res.writeHead(200, { 'content-length': 5 });
      await writeSlowly(res, Buffer.from('12345'), 1, 70);
    });
    const file = rightOf(
      await apiFor(server, fetch, { requestTimeoutMs: 200, downloadIdleTimeoutMs: 200 }).retrieve(JOB)(),
    );
    expect(await file.blob.text()).toBe('12345');
  });

  it('ends with Aborted when the caller aborts mid-download, and the server sees the close', async () => {
    let closed = false;
    server.route('GET', RETRIEVE, (_, res) => {
      res.writeHead(200, { 'content-length': FILE.length });
      res.write(FILE.subarray(0, 1000));
      res.on('close', () => {
        closed = true;
      });
    });
    const controller = new AbortController();
    const task = apiFor(server, fetch).retrieve(JOB, {
      signal: controller.signal,
      onProgress: (loaded) => {
        if (loaded > 0) controller.abort();
      },
    })();
    // onProgress only reports at 256 KB steps and at the end, so abort on a timer too.
    setTimeout(() => controller.abort(), 100).unref();
    expect(leftOf(await task)).toMatchObject({
      _tag: 'Aborted',
      request: { url: `${server.origin}${RETRIEVE}` },
    });
    for (let i = 0; i < 50 && !closed; i++) await wait(10);
    expect(closed).toBe(true);
  });
});
