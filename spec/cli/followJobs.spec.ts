import * as E from 'fp-ts/lib/Either.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { from, NEVER, concat, queueScheduler, Subject } from 'rxjs';
import type { CliRecord } from '../../src/cli/CliRecord';
import { followJobs, type FollowContext } from '../../src/cli/followJobs';
import { Ledger } from '../../src/cli/Ledger';
import { locationChooser } from '../../src/cli/locationChooser';
import type { Reporter } from '../../src/cli/Reporter';
import { orderOutcomeUnknown, type PlanviewerError } from '../../src/errors/PlanviewerError';
import type { JobEvent, WaitingForUser } from '../../src/jobs/JobEvent';
import { scriptedPlanviewer } from '../../src/testing';
import { ledgerLines, tempDir } from './helpers/cliProcess';

type Emission = E.Either<PlanviewerError, JobEvent>;
const J1 = '11111111-1111-4111-8111-111111111111';
const J2 = '22222222-2222-4222-8222-222222222222';
const I1 = 'aaaaaaaa-1111-4111-8111-111111111111';
const I2 = 'bbbbbbbb-2222-4222-8222-222222222222';
const PDF = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

const recordingReporter = (): Reporter & { readonly records: CliRecord[] } => {
  const records: CliRecord[] = [];
  return {
    records,
    report: (r) => void records.push(r),
    ask: () => Promise.resolve(''),
    close: () => undefined,
  };
};

let tmp: { dir: string; remove: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

const context = (reporter: Reporter, choose?: number): FollowContext => {
  const labels = new Map([[I1, 'percelenrapport @ Kerkweg 8']]);
  return {
    ledger: new Ledger(tmp.dir),
    outDir: tmp.dir,
    force: false,
    reporter,
    labels,
    chooser: locationChooser({
      ...(choose === undefined ? {} : { choose }),
      interactive: false,
      reporter,
      labelOf: (job) => labels.get(job),
    }),
  };
};

const right = (e: JobEvent): Emission => E.right(e);

describe('followJobs', () => {
  it('records every job uuid, saves results under a safe name, records failures, and sums up', async () => {
    const reporter = recordingReporter();
    // Both jobs run their course at once (zero-length steps on the queue scheduler).
    const api = scriptedPlanviewer({
      scheduler: queueScheduler,
      jobs: [
        { intention: I1, job: J1, stepMs: [0], result: { filename: '../../evil.pdf', content: PDF } },
        { intention: I2, job: J2, stepMs: [0], ends: 'error' },
      ],
    });
    const events = api.client.order$([I1, I2]);
    const summary = await followJobs(
      events,
      { command: 'order', order: { id: 'o-1', intentions: [I1, I2] } },
      context(reporter),
    );

    expect(summary).toMatchObject({
      jobs: 2,
      bytes: PDF.length,
      failed: [{ job: J2, error: 'JobFailed' }],
      waiting: [],
      exitCode: 6,
    });
    expect(summary.files).toEqual([{ job: J1, file: path.join(tmp.dir, 'evil.pdf'), bytes: PDF.length }]);
    expect(fs.readFileSync(path.join(tmp.dir, 'evil.pdf'), 'utf8')).toBe(PDF);
    expect(ledgerLines(tmp.dir)).toEqual([
      expect.objectContaining({ type: 'ordered', order: 'o-1', intention: I1, job: J1 }),
      expect.objectContaining({ type: 'ordered', order: 'o-1', intention: I2, job: J2 }),
      expect.objectContaining({ type: 'downloaded', job: J1, file: 'evil.pdf', bytes: PDF.length }),
      expect.objectContaining({ type: 'job-failed', job: J2, error: 'JobFailed' }),
    ]);
    // The label of the intention follows its job.
    expect(reporter.records).toContainEqual(
      expect.objectContaining({ type: 'saved', job: J1, label: 'percelenrapport @ Kerkweg 8' }),
    );
  });

  it('records an order with an unknown outcome with its intentions (exit 7)', async () => {
    const reporter = recordingReporter();
    const lost = orderOutcomeUnknown(
      { method: 'POST', url: 'http://127.0.0.1/jobs/order' },
      [I1],
      'connection reset',
    );
    const summary = await followJobs(
      from([E.left(lost)]),
      { command: 'order', order: { id: 'o-2', intentions: [I1] } },
      context(reporter),
    );
    expect(summary.exitCode).toBe(7);
    expect(ledgerLines(tmp.dir)).toEqual([
      expect.objectContaining({ type: 'order-unknown', order: 'o-2', intentions: [I1] }),
    ]);
    expect(new Ledger(tmp.dir).state().needsCheck).toEqual([
      expect.objectContaining({ order: 'o-2', intentions: [I1] }),
    ]);
  });

  it('ends the run when the only jobs left wait for a choice nobody can make, leaving them pending', async () => {
    const reporter = recordingReporter();
    const ctx = context(reporter);
    const waiting: WaitingForUser = {
      _tag: 'WaitingForUser',
      job: J1,
      message: 'Which lot?',
      choices: [{ index: 1, label: 'A 100' }],
    };
    const events = new Subject<Emission>();
    // A job stream that never ends by itself, as a waiting job's does.
    const run = followJobs(concat(events, NEVER), { command: 'resume', jobs: [J1] }, ctx);
    events.next(right(waiting));
    // What jobStream does next: ask the chooser. Without --choose and without a terminal: no answer.
    from(ctx.chooser.onWaitingForUser(waiting)).subscribe();
    const summary = await run;
    expect(summary).toMatchObject({ waiting: [J1], exitCode: 6, files: [] });
    expect(ledgerLines(tmp.dir)).toEqual([]);
  });

  it('answers a waiting job with --choose when it is one of the choices, and says so', async () => {
    const reporter = recordingReporter();
    const ctx = context(reporter, 2);
    const waiting: WaitingForUser = {
      _tag: 'WaitingForUser',
      job: J1,
      message: 'Which lot?',
      choices: [
        { index: 1, label: 'A 100' },
        { index: 2, label: 'A 101' },
      ],
    };
    const answers: number[] = [];
    from(ctx.chooser.onWaitingForUser(waiting)).subscribe((n) => answers.push(n));
    expect(answers).toEqual([2]);
    expect(reporter.records).toEqual([
      expect.objectContaining({ type: 'answered', job: J1, index: 2, choice: 'A 101' }),
    ]);
  });
});
