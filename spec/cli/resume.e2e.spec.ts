import * as path from 'node:path';
import { sampleAddress } from '../../src/simulator';
import {
  filesUnder,
  isPdf,
  ledgerLines,
  runPlanviewer,
  spawnScript,
  SIM_SPEED,
  useCliSimulator,
  waitFor,
} from './helpers/cliProcess';

const SECRET = 'cli-resume-spec-S3CRET-value';
const env = { PLANVIEWER_KEY: 'cli', PLANVIEWER_SECRET: SECRET };

const fixture = useCliSimulator(SECRET);

const common = (out: string): string[] => [
  '--out',
  out,
  '--base-url',
  fixture.sim.url,
  '--sim-speed',
  String(SIM_SPEED),
];

// Each test starts up to three ts-node child processes in turn: on a loaded 2-core machine that alone can
// take most of the default 30 s.
jest.setTimeout(90_000);

describe('planviewer resume', () => {
  it('writes the ledger before the order is sent, then finishes a job whose order process was SIGKILLed mid-poll, without ordering again', async () => {
    const out = path.join(fixture.dir, 'out');
    // percelenrapport takes about 75 simulated seconds (1.5 s here): still running when the process dies.
    const [intention] = fixture.sim.catalogue
      .intentionsAt(sampleAddress.uuid, ['percelenrapport'])
      .map((i) => i.uuid);
    // The order request is held 600 ms on arrival: long enough to look at the ledger while it is in flight.
    fixture.sim.faults.add({ route: 'jobs/order', fault: { kind: 'delay', ms: 600 } });
    const order = spawnScript(
      'src/cli/main.ts',
      ['order', intention!, '--yes', '--json', ...common(out)],
      env,
    );

    await waitFor('the order request', () =>
      fixture.sim.requests.count('jobs/order') === 1 ? true : undefined,
    );
    expect(ledgerLines(out)).toEqual([
      expect.objectContaining({ type: 'ordering', intentions: [intention] }),
    ]);

    const job = await waitFor('the ordered ledger line', () => {
      const ordered = ledgerLines(out).find((e) => e['type'] === 'ordered');
      return ordered === undefined ? undefined : (ordered['job'] as string);
    });
    order.child.kill('SIGKILL');
    const killed = await order.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(ledgerLines(out).map((e) => e['type'])).toEqual(['ordering', 'ordered']);
    expect(fixture.sim.jobs.get(job)?.status().status).not.toBe('finished');

    const resume = await runPlanviewer(['resume', '--json', ...common(out)], env);
    expect(resume.stderr).toBe('');
    expect(resume.code).toBe(0);
    expect(fixture.sim.requests.count('jobs/order')).toBe(1);
    const ledger = ledgerLines(out);
    expect(ledger.map((e) => e['type'])).toEqual(['ordering', 'ordered', 'downloaded']);
    expect(ledger[2]).toMatchObject({ job });
    const pdfs = filesUnder(out).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    expect(isPdf(pdfs[0]!)).toBe(true);

    // Nothing left: a second resume does nothing and sends nothing.
    const before = fixture.sim.requests.count();
    const again = await runPlanviewer(['resume', ...common(out)], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Nothing to resume/);
    expect(fixture.sim.requests.count()).toBe(before);
  });

  it('records an order whose response was lost as unknown (exit 7), and resume lists it for a manual check without re-sending', async () => {
    const out = path.join(fixture.dir, 'out');
    fixture.sim.faults.add({ route: 'jobs/order', fault: { kind: 'resetAfterWork' } });
    const [intention] = fixture.sim.catalogue
      .intentionsAt(sampleAddress.uuid, ['test-example-product'])
      .map((i) => i.uuid);

    const order = await runPlanviewer(['order', intention!, '--yes', ...common(out)], env);
    expect(order.code).toBe(7);
    expect(order.stderr).toMatch(/Order outcome unknown/);
    expect(order.stderr).not.toMatch(/\n\s+at /); // no stack trace for an API failure
    expect(ledgerLines(out).map((e) => e['type'])).toEqual(['ordering', 'order-unknown']);
    expect(ledgerLines(out)[1]).toMatchObject({ intentions: [intention] });

    const resume = await runPlanviewer(['resume', ...common(out)], env);
    expect(resume.code).toBe(7);
    expect(resume.stdout).toMatch(/NEEDS A MANUAL CHECK/);
    expect(resume.stdout).toContain(intention);
    expect(fixture.sim.requests.count('jobs/order')).toBe(1);
  });
});
