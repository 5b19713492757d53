import type { CliIo } from '../../src/cli/CliIo';
import { progressBarsReporter } from '../../src/cli/progressBarsReporter';
import { jobFailed } from '../../src/errors/PlanviewerError';

const J1 = '11111111-1111-4111-8111-111111111111';
const J2 = '22222222-2222-4222-8222-222222222222';

/** A terminal that records what was written, escape codes stripped. */
const fakeTerminal = (): { io: CliIo; screen: () => string } => {
  let written = '';
  const stream = { isTTY: true, columns: 160, write: (t: string) => ((written += t), true) };
  const io: CliIo = {
    stdout: stream,
    stderr: stream,
    stdin: process.stdin,
    env: {},
    cwd: '/',
    out: (line) => void (written += `${line}\n`),
    err: (line) => void (written += `${line}\n`),
    interactive: false,
    ask: () => Promise.resolve(''),
    redact: () => undefined,
  };
  // eslint-disable-next-line no-control-regex
  return { io, screen: () => written.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '') };
};

describe('progressBarsReporter', () => {
  it('draws one bar per job with its label, percentage, step, ETA and status, and logs failures above them', () => {
    const { io, screen } = fakeTerminal();
    const reporter = progressBarsReporter(io);
    reporter.report({
      type: 'event',
      label: 'percelenrapport @ Kerkweg 8',
      event: { _tag: 'Ordered', job: J1, intention: 'i-1' },
    });
    reporter.report({ type: 'event', event: { _tag: 'Ordered', job: J2, intention: 'i-2' } });
    reporter.report({
      type: 'event',
      label: 'percelenrapport @ Kerkweg 8',
      event: { _tag: 'Progress', job: J1, status: 'in_progress', current: 3, total: 6, eta: 4_000 },
    });
    reporter.report({ type: 'error', error: jobFailed(J2) });
    reporter.close();

    const text = screen();
    expect(text).toMatch(
      /percelenrapport @ Kerkweg 8 +\|[█░]+\| +50% \| step 3\/6 \| ETA 4 s \| in_progress/,
    );
    expect(text).toMatch(/job 22222222 +\|[█░]+\| +0% \| step 0\/1 \| ETA - \| FAILED \(JobFailed\)/);
    expect(text).toContain(`job 22222222: FAILED Job ${J2} failed on the server`);
  });
});
