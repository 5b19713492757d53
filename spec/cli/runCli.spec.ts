import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { kikAddress, sampleAddress, scaledClock, startSimulator, type Simulator } from '../../src/simulator';
import { capturedIo, type Captured } from './helpers/capturedIo';
import { filesUnder, isPdf, ledgerLines, tempDir } from './helpers/cliProcess';

// The same commands in-process (runCli with a captured CliIo): the one-shot commands and `download`,
// without paying a child process start-up per case. The child-process specs cover the real binary.
const SPEED = 50;

let sim: Simulator;
let tmp: { dir: string; remove: () => void };
let io: Captured;
beforeAll(async () => {
  sim = await startSimulator({ clock: scaledClock(SPEED) });
});
afterAll(() => sim.close());
beforeEach(() => {
  tmp = tempDir();
  io = capturedIo(tmp.dir, { PLANVIEWER_KEY: 'demo', PLANVIEWER_SECRET: 'demo-secret' });
  sim.requests.clear();
});
afterEach(() => tmp.remove());

/** A loopback port nobody listens on: connections to it are refused. */
const closedPort = async (): Promise<number> => {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
};

const run = (...args: string[]) => runCli([...args, '--base-url', sim.url, '--sim-speed', String(SPEED)], io);

describe('runCli', () => {
  it('prints the help and the version without credentials or requests', async () => {
    const bare = capturedIo(tmp.dir, {});
    expect(await runCli(['--help'], bare)).toBe(0);
    expect(bare.stdout$.join('\n')).toMatch(/^planviewer: order and download/);
    expect(await runCli(['resume', '--help'], bare)).toBe(0);
    expect(bare.stdout$.at(-1)).toMatch(/^Usage: planviewer resume/);
    expect(await runCli(['--version'], bare)).toBe(0);
    expect(bare.stdout$.at(-1)).toMatch(/^\d+\.\d+\.\d+/);
    expect(await runCli(['frobnicate'], bare)).toBe(2);
    expect(bare.stderr$.join('\n')).toMatch(/unknown command "frobnicate"[\s\S]*--help/);
  });

  it('products --json: one JSON object per product', async () => {
    expect(await run('products', '--json')).toBe(0);
    const rows = io.stdout$.map((l) => JSON.parse(l) as { type: string; slug: string });
    expect(rows.every((r) => r.type === 'product')).toBe(true);
    expect(rows.map((r) => r.slug)).toContain('bestemmingsplanrapport');
  });

  it('search finds an address by postcode, house number and letter; a bad postcode sends nothing', async () => {
    expect(await run('search', '1234 ab', '2')).toBe(0);
    expect(io.stdout$).toEqual([`${sampleAddress.uuid}  ${sampleAddress.title}`]);
    expect(await run('search', '2345CD', '12', '--huisletter', 'b')).toBe(0);
    expect(io.stdout$.at(-1)).toMatch(/Molenweg 12B/);
    const before = sim.requests.count();
    expect(await run('search', 'ABCD12', '2')).toBe(2);
    expect(io.stderr$.at(-1)).toMatch(/postcode/);
    expect(sim.requests.count()).toBe(before);
  });

  it('intentions lists the orderable intention uuids', async () => {
    const [expected] = sim.catalogue.intentionsAt(sampleAddress.uuid, ['test-example-product']);
    expect(await run('intentions', sampleAddress.uuid, '-p', 'test-example-product')).toBe(0);
    expect(io.stdout$).toEqual([`${expected!.uuid}  test-example-product  (location ${sampleAddress.uuid})`]);
  });

  it('status, then download of a job ordered earlier: saved once more with a suffix, or replaced with --force', async () => {
    const [intention] = sim.catalogue.intentionsAt(sampleAddress.uuid, ['test-example-product']);
    expect(await run('order', intention!.uuid, '--yes')).toBe(0);
    const job = ledgerLines(path.join(tmp.dir, 'out')).find((e) => e['type'] === 'ordered')!['job'] as string;

    expect(await run('status', job, '--json')).toBe(0);
    expect(JSON.parse(io.stdout$.at(-1)!)).toEqual({
      type: 'status',
      job,
      status: 'finished',
      current: 2,
      total: 2,
    });

    expect(await run('download', job)).toBe(0);
    const out = path.join(tmp.dir, 'out');
    const pdfs = filesUnder(out)
      .filter((f) => f.endsWith('.pdf'))
      .sort((a, b) => a.length - b.length);
    expect(pdfs).toHaveLength(2);
    expect(pdfs[1]).toBe(pdfs[0]!.replace(/\.pdf$/, '-1.pdf'));
    for (const pdf of pdfs) expect(isPdf(pdf)).toBe(true);

    fs.writeFileSync(pdfs[0]!, 'overwrite me');
    expect(await run('download', job, '--force')).toBe(0);
    expect(isPdf(pdfs[0]!)).toBe(true);
    expect(sim.requests.count('jobs/order')).toBe(1);
    expect(ledgerLines(out).filter((e) => e['type'] === 'downloaded')).toHaveLength(3);
  });

  it('order --location names each product in the output, and refuses an intention that is not orderable there', async () => {
    const [here] = sim.catalogue.intentionsAt(sampleAddress.uuid, ['bestemmingsplanrapport']);
    const [elsewhere] = sim.catalogue.intentionsAt(kikAddress.uuid, ['bestemmingsplanrapport']);

    expect(await run('order', here!.uuid, elsewhere!.uuid, '--yes', '--location', sampleAddress.uuid)).toBe(
      2,
    );
    expect(io.stderr$.at(-1)).toMatch(
      new RegExp(`not orderable at the given location.*nothing was ordered: ${elsewhere!.uuid}`),
    );
    expect(sim.requests.count('jobs/order')).toBe(0);

    expect(await run('order', here!.uuid, '--yes', '--location', sampleAddress.uuid)).toBe(0);
    expect(io.stdout$.join('\n')).toMatch(/^bestemmingsplanrapport \(Plaats Centrum\): saved /m);
    expect(ledgerLines(path.join(tmp.dir, 'out'))[0]).toMatchObject({
      type: 'ordering',
      labels: { [here!.uuid]: 'bestemmingsplanrapport (Plaats Centrum)' },
    });
  });

  it('status of a job the server does not know: listed as unknown, exit 6', async () => {
    const stranger = '0fe30323-a86e-4048-a7e7-6d60c3365dcb';
    expect(await run('status', stranger)).toBe(6);
    expect(io.stdout$.at(-1)).toBe(`${stranger}  (unknown to the server)`);
  });

  it('a failed one-shot command says which command failed, and a network error exits 8 (unavailable), not 6', async () => {
    const closed = await closedPort();
    const code = await runCli(['products', '--base-url', `http://127.0.0.1:${closed}`], io);
    expect(code).toBe(8);
    const said = io.stderr$.join('\n');
    expect(said).toMatch(/^planviewer products: Network error/);
    expect(said).not.toMatch(/order|FAILED/);
    expect(io.stdout$).toEqual([]);
  });

  it('order --deadline: a job still running is "still running" (exit 9, not FAILED), and planviewer resume finishes it', async () => {
    const [slow] = sim.catalogue.intentionsAt(sampleAddress.uuid, ['percelenrapport']);
    expect(await run('order', slow!.uuid, '--yes', '--deadline', '0.3')).toBe(9);
    const said = [...io.stdout$, ...io.stderr$].join('\n');
    expect(said).toMatch(/Still running on the server when the --deadline of 0\.3 s passed/);
    expect(said).toContain('run `planviewer resume`');
    expect(said).not.toMatch(/FAILED|job\$/);
    expect(said).toMatch(/Summary: 1 job, 0 files saved \(0 B\), 1 still running, exit code 9/);
    const out = path.join(tmp.dir, 'out');
    expect(ledgerLines(out).map((e) => e['type'])).toEqual(['ordering', 'ordered']);

    expect(await run('resume')).toBe(0);
    expect(ledgerLines(out).map((e) => e['type'])).toEqual(['ordering', 'ordered', 'downloaded']);
    expect(sim.requests.count('jobs/order')).toBe(1);
  });
});
