import * as path from 'node:path';
import { displayPath, formatBytes, formatDuration, jsonLine, plainLine } from '../../src/cli/formatRecord';
import { jobFailed, networkError, orderCapReached, timeout } from '../../src/errors/PlanviewerError';

const JOB = '7e6d5c4b-3a29-4f18-9e07-222222222222';
const LABEL = 'bestemmingsplanrapport @ Voorbeeldstraat 2';

describe('plainLine', () => {
  it('names the job by its label, or by the start of its uuid', () => {
    const progress = {
      _tag: 'Progress',
      job: JOB,
      status: 'in_progress',
      current: 3,
      total: 6,
      eta: 4_200,
    } as const;
    expect(plainLine({ type: 'event', event: progress, label: LABEL })).toBe(
      `${LABEL}: in_progress step 3/6 (50%), ETA 4 s`,
    );
    expect(plainLine({ type: 'event', event: progress })).toBe(
      'job 7e6d5c4b: in_progress step 3/6 (50%), ETA 4 s',
    );
  });

  it('prints the full job uuid when the order is placed: it is what a person needs to resume', () => {
    expect(
      plainLine({ type: 'event', event: { _tag: 'Ordered', job: JOB, intention: 'i-1' }, label: LABEL }),
    ).toBe(`${LABEL}: ordered: job ${JOB} (intention i-1)`);
  });

  it('lists the choices of a job waiting for the user', () => {
    const line = plainLine({
      type: 'event',
      event: {
        _tag: 'WaitingForUser',
        job: JOB,
        message: 'Which lot?',
        choices: [
          { index: 1, label: 'Dorp A 100' },
          { index: 2, label: 'Dorp A 101' },
        ],
      },
    });
    expect(line).toBe('job 7e6d5c4b: waiting for user: "Which lot?" [1] Dorp A 100; [2] Dorp A 101');
  });

  it('describes errors with describeError', () => {
    expect(plainLine({ type: 'error', error: jobFailed(JOB), label: LABEL })).toMatch(
      new RegExp(`^${LABEL}: FAILED Job ${JOB} failed on the server`),
    );
    const cap = orderCapReached({ method: 'POST', url: 'https://x/jobs/order' }, ['i-1'], 'Too many');
    expect(plainLine({ type: 'error', error: cap })).toMatch(
      /^order: FAILED Daily order cap reached \(429\)/,
    );
  });

  it('summarises files, failures and jobs left waiting', () => {
    const text = plainLine({
      type: 'summary',
      summary: {
        command: 'order',
        jobs: 4,
        files: [{ job: JOB, file: '/abs/out/a.pdf', bytes: 2048 }],
        bytes: 2048,
        failed: [{ job: 'j-2', error: 'JobFailed' }],
        waiting: ['j-3'],
        running: ['j-4'],
        exitCode: 6,
      },
    });
    expect(text.split('\n')).toEqual([
      'Summary: 4 jobs, 1 file saved (2.0 KB), 1 failed, 1 waiting for a choice, 1 still running, exit code 6',
      '  /abs/out/a.pdf  2.0 KB',
      '  failed: j-2 JobFailed',
      '  waiting for a choice: j-3 (run: planviewer resume --choose N)',
      '  still running on the server: j-4 (run: planviewer resume)',
    ]);
  });

  it('names the one-shot command that failed, without "order" or "FAILED"', () => {
    const refused = networkError(
      { method: 'GET', url: 'http://127.0.0.1:9/product_api/v1/products' },
      false,
      'connect ECONNREFUSED',
    );
    const line = plainLine({ type: 'error', error: refused, command: 'products' });
    expect(line).toMatch(
      /^planviewer products: Network error: connect ECONNREFUSED; the request did not reach the server/,
    );
    expect(line).not.toMatch(/order|FAILED/);
  });

  it('calls a job still running at its --deadline "still running", not FAILED, and points to planviewer resume', () => {
    const late = { ...timeout(5_000, undefined, 'in_progress'), job: JOB };
    const line = plainLine({ type: 'error', error: late, label: LABEL });
    expect(line).toMatch(
      new RegExp(
        `^${LABEL}: Still running on the server when the --deadline of 5 s passed \\(last status "in_progress"\\)`,
      ),
    );
    expect(line).toContain('`planviewer resume`');
    expect(line).not.toMatch(/FAILED|job\$/);
    expect(JSON.parse(jsonLine({ type: 'error', error: late }))).toMatchObject({
      tag: 'Timeout',
      exitCode: 9,
    });
  });
});

describe('jsonLine', () => {
  it('gives an order that needs a manual check its uuids and reason', () => {
    const record = {
      type: 'needs-check',
      order: 'o-1',
      intentions: ['i-1'],
      reason: 'connection reset',
    } as const;
    expect(JSON.parse(jsonLine(record))).toEqual(record);
    expect(plainLine(record)).toMatch(
      /^NEEDS A MANUAL CHECK: order o-1 of i-1: connection reset\. It was not re-sent/,
    );
  });

  it('gives a Result its file name, type and size, never its bytes', () => {
    const blob = new Blob(['%PDF-1.4']);
    const line = jsonLine({
      type: 'event',
      event: {
        _tag: 'Result',
        job: JOB,
        intention: 'i-1',
        file: { blob, filename: 'a.pdf', contentType: 'application/pdf', size: 8 },
      },
    });
    expect(JSON.parse(line)).toEqual({
      type: 'event',
      tag: 'Result',
      job: JOB,
      intention: 'i-1',
      filename: 'a.pdf',
      contentType: 'application/pdf',
      size: 8,
    });
  });

  it('gives an error its tag, job, exit code and sentence', () => {
    expect(JSON.parse(jsonLine({ type: 'error', error: jobFailed(JOB) }))).toEqual({
      type: 'error',
      tag: 'JobFailed',
      job: JOB,
      exitCode: 6,
      message: expect.stringContaining('failed on the server'),
    });
  });

  it('flattens job events with a tag', () => {
    expect(
      JSON.parse(
        jsonLine({ type: 'event', event: { _tag: 'Downloading', job: JOB, loaded: 10, total: 20 } }),
      ),
    ).toEqual({
      type: 'event',
      tag: 'Downloading',
      job: JOB,
      loaded: 10,
      total: 20,
    });
  });
});

describe('formatting helpers', () => {
  it.each([
    [812, '812 B'],
    [20_582, '20.1 KB'],
    [3_565_158, '3.4 MB'],
  ])('formatBytes(%d) = %s', (n, text) => expect(formatBytes(n)).toBe(text));

  it.each([
    [800, '800 ms'],
    [4_200, '4 s'],
    [120_000, '2 min'],
    [125_000, '2 min 5 s'],
  ])('formatDuration(%d) = %s', (n, text) => expect(formatDuration(n)).toBe(text));

  it('shows paths inside the working folder relative, others absolute', () => {
    expect(displayPath('/w/out/a.pdf', '/w')).toBe(path.join('out', 'a.pdf'));
    expect(displayPath('/elsewhere/a.pdf', '/w')).toBe('/elsewhere/a.pdf');
  });
});
