import * as fs from 'node:fs';
import * as path from 'node:path';
import { sampleAddress } from '../../src/simulator';
import {
  filesUnder,
  isPdf,
  ledgerLines,
  runPlanviewer,
  SIM_SPEED,
  useCliSimulator,
} from './helpers/cliProcess';
import { startRenamingProxy } from './helpers/renamingProxy';

// The CLI as a user runs it: a child process, credentials in the environment, a simulator on loopback
// whose clock runs 50× faster (and `--sim-speed 50` so the client polls 50× sooner to match).
const SECRET = 'cli-order-spec-S3CRET-value';
const env = { PLANVIEWER_KEY: 'cli', PLANVIEWER_SECRET: SECRET };

const fixture = useCliSimulator(SECRET);

const intentionsFor = (slugs: readonly string[]): string[] =>
  fixture.sim.catalogue.intentionsAt(sampleAddress.uuid, slugs).map((i) => i.uuid);

describe('planviewer order', () => {
  it('orders once, saves a valid PDF in --out, writes ordering → ordered → downloaded, and --json is one JSON object per line', async () => {
    const out = path.join(fixture.dir, 'out');
    const intentions = intentionsFor(['test-example-product', 'bestemmingsplanrapport']);
    const run = await runPlanviewer(
      [
        'order',
        ...intentions,
        '--yes',
        '--json',
        '--out',
        out,
        '--base-url',
        fixture.sim.url,
        '--sim-speed',
        String(SIM_SPEED),
      ],
      env,
    );

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fixture.sim.requests.count('jobs/order')).toBe(1);

    const lines = run.stdout.trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.at(-1)).toMatchObject({ type: 'summary', command: 'order', jobs: 2, exitCode: 0 });
    const jobs = records.filter((r) => r['tag'] === 'Ordered').map((r) => r['job'] as string);
    expect(jobs).toHaveLength(2);
    expect(records.filter((r) => r['type'] === 'saved').map((r) => r['job'])).toEqual(
      expect.arrayContaining(jobs),
    );
    expect(run.stdout + run.stderr).not.toContain(SECRET);

    const ledger = ledgerLines(out);
    expect(ledger.map((e) => e['type'])).toEqual([
      'ordering',
      'ordered',
      'ordered',
      'downloaded',
      'downloaded',
    ]);
    expect(ledger[0]).toMatchObject({ intentions });
    expect(ledger.slice(1, 3).map((e) => e['job'])).toEqual(jobs);
    expect(new Set(ledger.slice(3).map((e) => e['job']))).toEqual(new Set(jobs));

    const pdfs = filesUnder(out).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(2);
    for (const pdf of pdfs) expect(isPdf(pdf)).toBe(true);
    for (const e of ledger.slice(3)) expect(fs.existsSync(path.join(out, e['file'] as string))).toBe(true);
  });

  it('refuses to order without --yes when nobody can confirm: exit 2, nothing sent, nothing written', async () => {
    const out = path.join(fixture.dir, 'out');
    const run = await runPlanviewer(
      ['order', ...intentionsFor(['test-example-product']), '--out', out, '--base-url', fixture.sim.url],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/without --yes/);
    expect(run.stderr).toMatch(/1 product/);
    expect(fixture.sim.requests.count()).toBe(0);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('keeps hostile Content-Disposition names inside --out', async () => {
    // A proxy in front of the simulator that swaps each result's file name for a hostile one.
    const outside = path.join(fixture.dir, 'abs-evil.pdf');
    const hostile = [
      'attachment; filename="../../x.pdf"',
      `attachment; filename="${outside}"`,
      "attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd",
    ];
    const proxy = await startRenamingProxy(fixture.sim.url, (n) => hostile[n % hostile.length]!);
    const proxyUrl = proxy.url;
    try {
      const out = path.join(fixture.dir, 'a', 'b', 'out');
      const run = await runPlanviewer(
        [
          'order',
          ...intentionsFor(['test-example-product', 'bestemmingsplanrapport', 'maatvoering-perceel']),
          '--yes',
          '--out',
          out,
          '--base-url',
          proxyUrl,
          '--sim-speed',
          String(SIM_SPEED),
        ],
        env,
      );
      expect(run.code).toBe(0);
      expect(proxy.retrieved()).toBe(3);
      const everything = filesUnder(fixture.dir);
      expect(everything.every((f) => f.startsWith(out + path.sep))).toBe(true);
      expect(fs.existsSync(outside)).toBe(false);
      const saved = filesUnder(out)
        .filter((f) => !f.endsWith('.jsonl'))
        .map((f) => path.basename(f))
        .sort();
      expect(saved).toEqual(['abs-evil.pdf', 'passwd', 'x.pdf']);
      for (const f of filesUnder(out).filter((f) => !f.endsWith('.jsonl'))) expect(isPdf(f)).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
