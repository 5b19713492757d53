import type { CliIo, OutputStream } from '../../src/cli/CliIo';
import { liveRegion } from '../../src/cli/liveRegion';
import { progressBarsReporter } from '../../src/cli/progressBarsReporter';
import { jobFailed, timeout } from '../../src/errors/PlanviewerError';
import { virtualTerminal } from './helpers/virtualTerminal';

const J1 = '11111111-1111-4111-8111-111111111111';
const J2 = '22222222-2222-4222-8222-222222222222';
const LABEL = 'percelenrapport @ Kerkweg 8';

const ioOn = (stdout: OutputStream, stderr: OutputStream): CliIo => ({
  stdout,
  stderr,
  stdin: process.stdin,
  env: {},
  cwd: '/',
  out: (line) => void stdout.write(`${line}\n`),
  err: (line) => void stderr.write(`${line}\n`),
  interactive: false,
  ask: () => Promise.resolve(''),
  redact: () => undefined,
  mask: (text) => text,
});

/** Every redraw at once: a clock that moves on a second per look. */
const ticking = (): (() => number) => {
  let t = 0;
  return () => (t += 1_000);
};

const run = (io: CliIo, stderr: OutputStream) => {
  const reporter = progressBarsReporter(io, liveRegion(stderr, { now: ticking() }));
  reporter.report({ type: 'event', label: LABEL, event: { _tag: 'Ordered', job: J1, intention: 'i-1' } });
  reporter.report({ type: 'event', event: { _tag: 'Ordered', job: J2, intention: 'i-2' } });
  reporter.report({
    type: 'event',
    label: LABEL,
    event: { _tag: 'Progress', job: J1, status: 'in_progress', current: 3, total: 6, eta: 4_000 },
  });
  reporter.report({ type: 'error', error: jobFailed(J2) });
  reporter.report({ type: 'note', text: 'a note' });
  reporter.report({
    type: 'event',
    label: LABEL,
    event: { _tag: 'Progress', job: J1, status: 'in_progress', current: 4, total: 6, eta: 2_000 },
  });
  return reporter;
};

describe('progressBarsReporter', () => {
  it('on one terminal: one bar per job at its latest state, under the lines; no copy of a bar is left', () => {
    const term = virtualTerminal();
    run(ioOn(term.stream, term.stream), term.stream).close();
    expect(term.screen()).toEqual([
      `${LABEL}: ordered: job ${J1} (intention i-1)`,
      `job 22222222: ordered: job ${J2} (intention i-2)`,
      `job 22222222: FAILED Job ${J2} failed on the server (status "error").`,
      'a note',
      expect.stringMatching(
        /^percelenrapport @ Kerkweg 8 +\|[█░]{24}\| +67% \| step 4\/6 \| ETA 2 s \| in_progress$/,
      ),
      expect.stringMatching(/^job 22222222 +\|░{24}\| +0% \| step 0\/1 \| ETA - \| FAILED \(JobFailed\)$/),
    ]);
    expect(term.cursorVisible()).toBe(true);
  });

  it('draws the bars on stderr only: stdout, when it is a file, gets plain lines and no escape code', () => {
    const err = virtualTerminal();
    const lines: string[] = [];
    const file: OutputStream = { isTTY: false, write: (t: string) => lines.push(t) };
    run(ioOn(file, err.stream), err.stream).close();
    const stdout = lines.join('');
    expect(stdout).not.toContain('\u001b');
    expect(stdout).not.toMatch(/[█░]/);
    expect(stdout.split('\n')).toEqual([
      `${LABEL}: ordered: job ${J1} (intention i-1)`,
      `job 22222222: ordered: job ${J2} (intention i-2)`,
      `${LABEL}: in_progress step 3/6 (50%), ETA 4 s`,
      'a note',
      `${LABEL}: in_progress step 4/6 (67%), ETA 2 s`,
      '',
    ]);
    // The error went to stderr, above the bars.
    expect(err.screen()[0]).toBe(`job 22222222: FAILED Job ${J2} failed on the server (status "error").`);
    expect(err.screen().slice(1)).toHaveLength(2);
  });

  it('on a narrow terminal gives up label and bar room first, so the status stays readable', () => {
    const term = virtualTerminal(80);
    const reporter = progressBarsReporter(
      ioOn(term.stream, term.stream),
      liveRegion(term.stream, { now: ticking() }),
    );
    reporter.report({
      type: 'event',
      label: 'uittreksel-kadastrale-kaart @ Havenkade 5-3',
      event: { _tag: 'Progress', job: J1, status: 'in_progress', current: 1, total: 2, eta: 900 },
    });
    reporter.close();
    const bar = term.screen().at(-1)!;
    expect(bar.length).toBeLessThan(80);
    expect(bar).toMatch(
      /^uittreksel-kadastrale-ka… \|[█░]{8}\| {2}50% \| step 1\/2 \| ETA 900 ms \| in_progress$/,
    );
  });

  it('calls a job still running at its deadline so, not FAILED', () => {
    const term = virtualTerminal();
    const reporter = progressBarsReporter(
      ioOn(term.stream, term.stream),
      liveRegion(term.stream, { now: ticking() }),
    );
    reporter.report({ type: 'event', event: { _tag: 'Ordered', job: J1, intention: 'i-1' } });
    reporter.report({ type: 'error', error: { ...timeout(5_000, undefined, 'in_progress'), job: J1 } });
    reporter.close();
    expect(term.screen().join('\n')).not.toMatch(/FAILED/);
    expect(term.screen().at(-1)).toMatch(/\| still running on the server$/);
  });
});
