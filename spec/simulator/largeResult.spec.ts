/** A padded result streams in chunks with an exact Content-Length, and many requests run concurrently. */
import { PDFDocument } from 'pdf-lib';
import {
  benchAccount,
  defaultProducts,
  manualClock,
  startSimulator,
  type Simulator,
} from '../../src/simulator';
import { client, orderJob } from './harness';

describe('large results and concurrency', () => {
  let sim: Simulator;
  const clock = manualClock();
  beforeAll(async () => {
    sim = await startSimulator({
      clock,
      products: [
        ...defaultProducts,
        { slug: 'big-report', name: 'Big report', steps: 1, stepMs: [10, 10], resultBytes: 8_000_000 },
      ],
    });
  });
  afterAll(() => sim.close());

  it('streams an 8 MB PDF that is still valid', async () => {
    const uuid = await orderJob(sim, 'big-report', undefined, benchAccount);
    clock.set(sim.jobs.get(uuid)!.finishedAt);
    const res = await client(sim, benchAccount).get(`/jobs/retrieve/${uuid}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('8000000');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(8_000_000);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });

  it('serves 200 concurrent orders and status requests', async () => {
    const jobs = await Promise.all(
      Array.from({ length: 200 }, () => orderJob(sim, 'test-example-product', undefined, benchAccount)),
    );
    expect(new Set(jobs).size).toBe(200);
    clock.advance(60_000);
    const statuses = await Promise.all(
      jobs.map(async (uuid) => {
        const res = await client(sim, benchAccount).get(`/jobs/status?uuids[]=${uuid}`);
        return ((await res.json()) as Array<{ status: string }>)[0]!.status;
      }),
    );
    expect(new Set(statuses)).toEqual(new Set(['finished']));
  });
});
